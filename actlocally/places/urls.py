"""Places pages: /places/ (open data for anyone signed in) and a partnership's area pages."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.index, name="places"),
    path("upload/", views.upload, name="places_upload"),
    path("england/ranking/export/", views.ranking_export, name="places_ranking_export"),
    path("<str:la>/ranking/", views.ranking, name="places_ranking"),
    path("<str:la>/map/", views.map_page, name="places_map"),
    path("<str:la>/map.geojson", views.map_geojson, name="places_map_geojson"),
    path("<str:la>/suggestions/", views.suggestions, name="places_suggestions"),
]

area_urlpatterns = [
    path("", views.area_profile, name="area_profile"),
    path("define/", views.area_define, name="area_define"),
    path("release/", views.area_release, name="area_release"),
    path("assets/", views.area_assets, name="area_assets"),
    path("assets/new/", views.asset_new, name="asset_new"),
    path("assets/<int:pk>/", views.asset_edit, name="asset_edit"),
    path("assets/<int:pk>/remove/", views.asset_remove, name="asset_remove"),
    path("map.geojson", views.area_geojson, name="area_geojson"),
]
