"""Connected data, under /connected-data/."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="linkage"),
    path("new/", views.project_new, name="linkage_project_new"),
    path("<int:pk>/", views.project_detail, name="linkage_project"),
    path("<int:pk>/members/new/", views.member_add, name="linkage_member_add"),
    path("<int:pk>/extracts/new/", views.extract_upload, name="linkage_extract_upload"),
    path("<int:pk>/link/", views.link, name="linkage_link"),
    path("<int:pk>/quality/", views.quality, name="linkage_quality"),
    path("<int:pk>/analyses/<slug:slug>/", views.analysis, name="linkage_analysis"),
    path("<int:pk>/query/", views.query, name="linkage_query"),
]
