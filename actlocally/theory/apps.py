"""The theory of change for a focus issue: inputs, activities, outputs, outcomes and impact."""

from django.apps import AppConfig


class TheoryConfig(AppConfig):
    name = "actlocally.theory"
    label = "theory"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section

        from . import models

        register_section(
            label=_("Theory of change"),
            url_name="theory_of_change",
            order=45,
            permission="theory.view_theory",
        )
        auditlog.register(models.TheoryOfChange)
        auditlog.register(models.Element)

        # What the partnership's search page finds here (actlocally/search/registry.py).
        from actlocally.search.registry import register_searchable

        from . import selectors as found

        register_searchable(
            key="theory",
            label=_("Theory of change"),
            order=50,
            permission="theory.view_theory",
            find=found.search_theory,
        )
