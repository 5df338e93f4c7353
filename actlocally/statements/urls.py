"""The Statement of Intent pages of a partnership (mounted under its address)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.statement, name="statement"),
    path("start/", views.statement_start, name="statement_start"),
    path("new-draft/", views.statement_new_draft, name="statement_new_draft"),
    path("versions/", views.statement_versions, name="statement_versions"),
    path("compare/", views.statement_compare, name="statement_compare"),
    path("versions/<int:number>/", views.statement_version, name="statement_version"),
    path(
        "versions/<int:number>/area-evidence/",
        views.statement_add_area_evidence,
        name="statement_add_area_evidence",
    ),
    path(
        "versions/<int:number>/edit/<slug:section>/",
        views.statement_edit_section,
        name="statement_edit_section",
    ),
    path(
        "versions/<int:number>/workflow/<slug:name>/",
        views.statement_transition,
        name="statement_transition",
    ),
    path("versions/<int:number>/pdf/", views.statement_pdf, name="statement_pdf"),
    path("versions/<int:number>/docx/", views.statement_docx, name="statement_docx"),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/sent/", views.recommendations_send, name="recommendations_send"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path(
        "recommendations/<int:pk>/respond/",
        views.recommendation_respond,
        name="recommendation_respond",
    ),
]
