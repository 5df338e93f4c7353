"""The community budget of a partnership, under /partnerships/<slug>/community-budget/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="grants"),
    path("rounds/new/", views.round_form, name="grants_round_new"),
    path("rounds/<int:pk>/", views.round_detail, name="grants_round"),
    path("rounds/<int:pk>/edit/", views.round_form, name="grants_round_edit"),
    path("rounds/<int:pk>/questions/new/", views.question_new, name="grants_question_new"),
    path("rounds/<int:pk>/criteria/new/", views.criterion_new, name="grants_criterion_new"),
    path(
        "rounds/<int:pk>/<str:kind>/<int:item>/remove/",
        views.item_remove,
        name="grants_item_remove",
    ),
    path("rounds/<int:pk>/step/<str:name>/", views.round_transition, name="grants_transition"),
]
