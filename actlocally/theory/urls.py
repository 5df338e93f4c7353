"""The theory of change of a partnership's focus issue, under /partnerships/<slug>/theory-of-change/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.theory_of_change, name="theory_of_change"),
    path("edit/", views.theory_edit, name="theory_edit"),
]
