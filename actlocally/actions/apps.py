"""The action plan: what the partnership agreed to do, who owns it, and how it is going."""

from django.apps import AppConfig


class ActionsConfig(AppConfig):
    name = "actlocally.actions"
    label = "actions"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_panel, register_section
        from actlocally.theory.links import register_outcome_links

        from . import models, selectors

        register_section(
            label=_("Action plan"),
            url_name="action_plan",
            order=40,
            permission="actions.view_actions",
        )

        from .panels import overview

        register_panel(
            key="actions", template_name="actions/_overview_panel.html", context=overview, order=40
        )
        # The theory of change shows, under each outcome, the actions working towards it.
        register_outcome_links(key="actions", label=_("Actions"), provider=selectors.outcome_links)
        auditlog.register(models.Action)
        auditlog.register(models.ProgressNote)

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        register_searchable(
            key="actions",
            label=_("Actions"),
            order=20,
            permission="actions.view_actions",
            find=selectors.search_actions,
        )
