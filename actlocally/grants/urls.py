"""The community budget of a partnership, under /partnerships/<slug>/community-budget/, and the
applicant's pages, under /community-budget/."""

from django.urls import path

from . import apply, award_views, document_views, panel_views, views

urlpatterns = [
    path("", views.index, name="grants"),
    path("rounds/new/", views.round_form, name="grants_round_new"),
    path("rounds/<int:pk>/", views.round_detail, name="grants_round"),
    path("rounds/<int:pk>/edit/", views.round_form, name="grants_round_edit"),
    path("rounds/<int:pk>/questions/new/", views.question_new, name="grants_question_new"),
    path("rounds/<int:pk>/criteria/new/", views.criterion_new, name="grants_criterion_new"),
    path(
        "rounds/<int:pk>/<str:kind>/<int:item>/remove/",
        views.item_remove,
        name="grants_item_remove",
    ),
    path("rounds/<int:pk>/step/<str:name>/", views.round_transition, name="grants_transition"),
    path(
        "rounds/<int:pk>/applications/",
        views.round_applications,
        name="grants_round_applications",
    ),
    path(
        "rounds/<int:pk>/applications/<int:application>/",
        views.application_check,
        name="grants_application_check",
    ),
    path(
        "rounds/<int:pk>/applications/<int:application>/clarify/",
        document_views.clarify,
        name="grants_clarify",
    ),
    path("rounds/<int:pk>/panel/", views.panel, name="grants_panel"),
    path("rounds/<int:pk>/scores/", views.scores, name="grants_scores"),
    path("rounds/<int:pk>/allocation/", views.allocation, name="grants_allocation"),
    path("rounds/<int:pk>/awards/", award_views.awards, name="grants_awards"),
    path("rounds/<int:pk>/awards/<int:award>/", award_views.award, name="grants_award"),
    path(
        "rounds/<int:pk>/awards/<int:award>/agreement/",
        award_views.agreement,
        name="grants_agreement",
    ),
    path(
        "rounds/<int:pk>/awards/<int:award>/payments/new/",
        award_views.payment_new,
        name="grants_payment_new",
    ),
    path(
        "rounds/<int:pk>/awards/<int:award>/payments/<int:payment>/paid/",
        award_views.payment_paid,
        name="grants_payment_paid",
    ),
]

public_urlpatterns = [
    path("community-budget/", apply.open_rounds, name="grants_open_rounds"),
    path("community-budget/rounds/<int:pk>/", apply.public_round, name="grants_public_round"),
    path(
        "community-budget/rounds/<int:pk>/360giving.json",
        apply.public_360giving,
        name="grants_public_360giving",
    ),
    path(
        "community-budget/rounds/<int:pk>/360giving.<str:fmt>",
        apply.public_360giving_flat,
        name="grants_public_360giving_flat",
    ),
    path("community-budget/rounds/<int:pk>/apply/", apply.apply, name="grants_apply"),
    path("community-budget/applications/", apply.my_applications, name="grants_my_applications"),
    path("community-budget/applications/<int:pk>/", apply.application, name="grants_application"),
    path(
        "community-budget/applications/<int:pk>/about/",
        apply.application_edit,
        name="grants_application_edit",
    ),
    path(
        "community-budget/applications/<int:pk>/questions/<int:question>/",
        apply.application_answer,
        name="grants_application_answer",
    ),
    path(
        "community-budget/applications/<int:pk>/submit/",
        apply.application_submit,
        name="grants_application_submit",
    ),
    path(
        "community-budget/applications/<int:pk>/documents/",
        document_views.documents,
        name="grants_documents",
    ),
    path(
        "community-budget/applications/<int:pk>/documents/<int:attachment>/remove/",
        document_views.document_remove,
        name="grants_document_remove",
    ),
    path(
        "community-budget/documents/<int:pk>/",
        document_views.document_download,
        name="grants_document_download",
    ),
    path(
        "community-budget/applications/<int:pk>/resubmit/",
        document_views.resubmit,
        name="grants_resubmit",
    ),
    path(
        "community-budget/applications/<int:pk>/report/",
        award_views.report,
        name="grants_report",
    ),
    path("community-budget/panel/<int:pk>/", panel_views.round_home, name="grants_panel_round"),
    path(
        "community-budget/panel/<int:pk>/applications/<int:application>/declare/",
        panel_views.declare,
        name="grants_panel_declare",
    ),
    path(
        "community-budget/panel/<int:pk>/applications/<int:application>/score/",
        panel_views.score,
        name="grants_panel_score",
    ),
]
