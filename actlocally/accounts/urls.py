"""Account pages of our own; allauth provides sign-in, sign-out and password reset."""

from django.urls import path

from . import views

urlpatterns = [
    path("profile/", views.profile, name="profile"),
]
