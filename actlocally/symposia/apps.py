"""Learning symposia: contributions, candidate priorities, ranked ballots and agreed priorities."""

from django.apps import AppConfig


class SymposiaConfig(AppConfig):
    name = "actlocally.symposia"
    label = "symposia"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.participation.services import register_erasure
        from actlocally.partnerships.navigation import register_section

        # workflow: declares the model's workflow for the template helper.
        from . import models, workflow  # noqa: F401
        from .services import GUEST_NAMES

        register_section(
            label=_("Symposium"),
            url_name="symposia",
            order=25,
            permission="symposia.view_symposium",
        )
        # The daily job erases guests' names 30 days after the symposium.
        register_erasure(GUEST_NAMES)
        auditlog.register(models.Symposium, m2m_fields={"invited_people", "invited_organisations"})
        auditlog.register(models.JoinCode, exclude_fields=["code"])
        auditlog.register(models.Guest, exclude_fields=["token_hash", "display_name"])
        for model in (models.Contribution, models.Candidate, models.AgreedPriority):
            auditlog.register(model)
        # Ballots and their preferences are not audited: the log would show how a person ranked.
