"""Symposium pages inside a partnership, and the public phone flow for joining with a code."""

from django.urls import path

from . import phone, views

P = "partnerships/<slug:slug>/symposia/"

urlpatterns = [
    path(P, views.symposia, name="symposia"),
    path(f"{P}new/", views.symposium_new, name="symposium_new"),
    path(f"{P}<int:pk>/", views.symposium, name="symposium"),
    path(f"{P}<int:pk>/edit/", views.symposium_edit, name="symposium_edit"),
    path(f"{P}<int:pk>/codes/", views.symposium_codes, name="symposium_codes"),
    path(f"{P}<int:pk>/contribute/", views.symposium_contribute, name="symposium_contribute"),
    path(
        f"{P}<int:pk>/contributions/<int:cpk>/remove/",
        views.contribution_remove,
        name="symposium_contribution_remove",
    ),
    path(f"{P}<int:pk>/merge/", views.symposium_merge, name="symposium_merge"),
    path(
        f"{P}<int:pk>/candidates/<int:cpk>/", views.symposium_candidate, name="symposium_candidate"
    ),
    path(f"{P}<int:pk>/stage/", views.symposium_stage, name="symposium_stage"),
    path(f"{P}<int:pk>/rank/", views.symposium_rank, name="symposium_rank"),
    path(f"{P}<int:pk>/results/", views.symposium_results, name="symposium_results"),
    path(f"{P}<int:pk>/results.csv", views.results_csv, name="symposium_results_csv"),
    path(
        f"{P}<int:pk>/contributions.csv",
        views.contributions_csv,
        name="symposium_contributions_csv",
    ),
    path(f"{P}<int:pk>/agree/", views.symposium_agree, name="symposium_agree"),
    # The phone flow: public, one thing per page, no account and no JavaScript needed.
    path("join/", phone.join, name="join"),
    path("join/name/", phone.join_name, name="join_name"),
    path("join/role/", phone.join_role, name="join_role"),
    path("join/check/", phone.join_check, name="join_check"),
    path("join/symposium/", phone.join_home, name="join_home"),
    path("join/add/", phone.join_kind, name="join_kind"),
    path("join/add/text/", phone.join_text, name="join_text"),
    path("join/add/check/", phone.join_contribution_check, name="join_contribution_check"),
    path("join/rank/", phone.join_rank, name="join_rank"),
    path("join/rank/check/", phone.join_rank_check, name="join_rank_check"),
]
