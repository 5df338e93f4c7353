"""The five-phase Act Locally journey: the blueprint's steps and each partnership's progress."""

from django.apps import AppConfig


class JourneyConfig(AppConfig):
    name = "actlocally.journey"
    label = "journey"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import StepProgress

        auditlog.register(StepProgress)
