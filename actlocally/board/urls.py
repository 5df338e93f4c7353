"""The board dashboard of a local authority, beside its page."""

from django.urls import path

from . import views

urlpatterns = [
    path("local-authorities/<str:code>/board/", views.dashboard, name="board_dashboard"),
    path(
        "local-authorities/<str:code>/board/dashboard.csv",
        views.dashboard_csv,
        name="board_dashboard_csv",
    ),
]
