"""The site's URL map: each app brings its own urls module."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("accounts/", include("actlocally.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("organisations/", include("actlocally.organisations.urls")),
    path("", include("actlocally.partnerships.urls")),
    path("partnerships/<slug:slug>/journey/", include("actlocally.journey.urls")),
    path("", include("actlocally.symposia.urls")),
    path("admin/", admin.site.urls),
]

admin.site.site_header = "Act Locally administration"
admin.site.site_title = "Act Locally"
