"""The five-phase Act Locally journey: the blueprint's steps and each partnership's progress."""

from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "actlocally.journey"
    label = "journey"

    def ready(self):
        from auditlog.registry import auditlog
        from django.utils.translation import gettext_lazy as _

        from actlocally.partnerships.navigation import register_section

        register_section(
            label=_("Journey"),
            url_name="journey",
            order=10,
            permission="partnerships.view_partnership",
        )

        from .models import StepProgress

        auditlog.register(StepProgress)
