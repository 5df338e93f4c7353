"""Statements of Intent: the versioned document per focus issue and the recommendations tracker."""

from django.apps import AppConfig


class StatementsConfig(AppConfig):
    name = "actlocally.statements"
    label = "statements"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_panel, register_section

        # workflow: declares the model's workflow for the template helper.
        from . import models, workflow  # noqa: F401

        register_section(
            label=_("Statement of Intent"),
            url_name="statement",
            order=30,
            permission="statements.view_statement",
        )

        from .panels import focus_issue, overview

        register_panel(
            key="statements_focus_issue",
            template_name="statements/_focus_issue_panel.html",
            context=focus_issue,
            order=30,
            page="focus_issue",
        )

        register_panel(
            key="statements",
            template_name="statements/_overview_panel.html",
            context=overview,
            order=30,
        )
        auditlog.register(models.Statement)
        auditlog.register(models.StatementVersion)
        auditlog.register(models.Recommendation)
        auditlog.register(models.Comment)

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        from . import selectors as found

        register_searchable(
            key="statements",
            label=_("Statements of Intent"),
            order=40,
            permission="statements.view_statement",
            find=found.search_statements,
        )
        register_searchable(
            key="recommendations",
            label=_("Recommendations to commissioners"),
            order=45,
            permission="statements.view_statement",
            find=found.search_recommendations,
        )
