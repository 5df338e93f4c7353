"""The action plan of a partnership, under /partnerships/<slug>/actions/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.action_plan, name="action_plan"),
    path("action-plan.csv", views.action_plan_csv, name="action_plan_csv"),
    path("new/", views.action_new, name="action_new"),
    path("<int:pk>/", views.action_detail, name="action_detail"),
    path("<int:pk>/edit/", views.action_edit, name="action_edit"),
    path("<int:pk>/update/", views.action_update, name="action_update"),
]
