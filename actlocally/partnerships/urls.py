"""Public area pages, the dashboard, local authorities and the pages of each partnership."""

from django.urls import path

from actlocally.places.views import area_public_geojson

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("areas/<slug:slug>/", views.area, name="area"),
    path("areas/<slug:slug>/map.geojson", area_public_geojson, name="area_public_geojson"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("local-authorities/<str:code>/", views.local_authority, name="local_authority"),
    path(
        "local-authorities/<str:code>/partnerships/new/",
        views.partnership_create,
        name="partnership_create",
    ),
    path("partnerships/<slug:slug>/", views.partnership, name="partnership"),
    path("partnerships/<slug:slug>/edit/", views.partnership_edit, name="partnership_edit"),
    path(
        "partnerships/<slug:slug>/public-contact/",
        views.public_contact_edit,
        name="public_contact_edit",
    ),
    path("partnerships/<slug:slug>/members/", views.members, name="members"),
    path("partnerships/<slug:slug>/members/invite/", views.member_invite, name="member_invite"),
    path("partnerships/<slug:slug>/members/<int:pk>/", views.member_edit, name="member_edit"),
    path("partnerships/<slug:slug>/focus-issue/", views.focus_issue, name="focus_issue"),
    path(
        "partnerships/<slug:slug>/focus-issue/new/", views.focus_issue_new, name="focus_issue_new"
    ),
    path(
        "partnerships/<slug:slug>/focus-issue/edit/",
        views.focus_issue_edit,
        name="focus_issue_edit",
    ),
    path("partnerships/<slug:slug>/timeline/", views.timeline, name="timeline"),
    path("partnerships/<slug:slug>/timeline/new/", views.timeline_event, name="timeline_new"),
    path("partnerships/<slug:slug>/timeline/<int:pk>/", views.timeline_event, name="timeline_edit"),
    path("partnerships/<slug:slug>/early-impact/", views.early_impact, name="early_impact"),
    path("partnerships/<slug:slug>/history/", views.history, name="history"),
    path("partnerships/<slug:slug>/history/export/", views.history_export, name="history_export"),
]
