"""Addresses of output checking, under /outputs/."""

from django.urls import path

from . import views

urlpatterns = [
    path("checking/", views.check_queue, name="outputs_queue"),
    path("project/<int:project_pk>/", views.project_outputs, name="outputs_project"),
    path("project/<int:project_pk>/new/", views.output_new, name="outputs_new"),
    path("<int:pk>/", views.output_detail, name="outputs_request"),
    path("<int:pk>/submit/", views.output_submit, name="outputs_submit"),
    path("<int:pk>/revise/", views.output_revise, name="outputs_revise"),
    path("<int:pk>/comment/", views.output_comment, name="outputs_comment"),
    path("<int:pk>/decide/", views.output_decide, name="outputs_decide"),
    path("<int:pk>/release/", views.output_release, name="outputs_release"),
    path("released/<int:pk>/", views.released, name="outputs_released"),
    path(
        "released/<int:pk>/indicator/",
        views.released_to_indicator,
        name="outputs_to_indicator",
    ),
]
