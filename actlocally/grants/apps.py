"""The community budget: funding rounds, their questions and scoring criteria."""

from django.apps import AppConfig


class GrantsConfig(AppConfig):
    name = "actlocally.grants"
    label = "grants"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section

        from . import models

        register_section(
            label=_("Community budget"),
            url_name="grants",
            order=48,
            permission="grants.view_rounds",
        )
        auditlog.register(models.FundingRound)
        auditlog.register(models.Question)
        auditlog.register(models.Criterion)
        auditlog.register(models.Application)
        auditlog.register(models.Answer)
