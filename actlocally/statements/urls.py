"""The Statement of Intent pages of a partnership (mounted under its address)."""

from django.urls import include, path

from . import views

# Pages that read a Statement; each is also offered for the Statement of an earlier focus issue.
READ = [
    ("", views.statement, "statement"),
    ("versions/", views.statement_versions, "statement_versions"),
    ("compare/", views.statement_compare, "statement_compare"),
    ("versions/<int:number>/", views.statement_version, "statement_version"),
    ("versions/<int:number>/pdf/", views.statement_pdf, "statement_pdf"),
    ("versions/<int:number>/docx/", views.statement_docx, "statement_docx"),
]
EARLIER = [path(route, view, name=f"{name}_earlier") for route, view, name in READ]

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
    path("versions/<int:number>/comment/", views.statement_comment, name="statement_comment"),
    path(
        "versions/<int:number>/comments/<int:pk>/addressed/",
        views.statement_comment_addressed,
        name="statement_comment_addressed",
    ),
    path("versions/<int:number>/pdf/", views.statement_pdf, name="statement_pdf"),
    path("versions/<int:number>/docx/", views.statement_docx, name="statement_docx"),
    # The Statements of earlier focus issues, kept as they were: read, compare, download.
    path("focus-issues/<int:focus_issue>/", include(EARLIER)),
    path("recommendations/", views.recommendations, name="recommendations"),
    path("recommendations/sent/", views.recommendations_send, name="recommendations_send"),
    path("recommendations/<int:pk>/", views.recommendation, name="recommendation"),
    path(
        "recommendations/<int:pk>/respond/",
        views.recommendation_respond,
        name="recommendation_respond",
    ),
]
