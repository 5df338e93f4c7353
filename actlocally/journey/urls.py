"""Journey pages, mounted under /partnerships/<slug>/journey/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.journey, name="journey"),
    path("<slug:key>/", views.step, name="journey_step"),
]
