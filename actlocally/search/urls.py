"""The partnership's search page, under /partnerships/<slug>/search/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.partnership_search, name="partnership_search"),
]
