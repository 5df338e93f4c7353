"""The access audit's pages, for data guardians."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.events, name="access_audit"),
    path("access-audit.csv", views.events_csv, name="access_audit_csv"),
]
