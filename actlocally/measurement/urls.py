"""Shared measurement pages of a partnership, under /partnerships/<slug>/measurement/."""

from django.urls import path

from . import chart_views, views

urlpatterns = [
    path("", views.indicators, name="measurement"),
    path("indicators.csv", views.indicators_csv, name="measurement_csv"),
    path("choose/", views.choose, name="measurement_choose"),
    path("library/new/", views.define, name="measurement_define"),
    path("data/new/", views.data_new, name="measurement_data_new"),
    path("data/upload/", views.upload, name="measurement_upload"),
    path("data/template.csv", views.template_csv, name="measurement_template"),
    path("<int:pk>/", views.indicator, name="measurement_indicator"),
    path("<int:pk>/data.csv", views.indicator_csv, name="measurement_indicator_csv"),
    path("<int:pk>/edit/", views.edit, name="measurement_indicator_edit"),
    path("charts/spine.json", chart_views.spine, name="measurement_chart_spine"),
    path("charts/spine.csv", chart_views.spine_csv, name="measurement_chart_spine_csv"),
    path(
        "<int:pk>/charts/<slug:kind>.json",
        chart_views.indicator_chart,
        name="measurement_chart",
    ),
    path(
        "<int:pk>/charts/<slug:kind>.csv",
        chart_views.indicator_chart_csv,
        name="measurement_chart_csv",
    ),
]
