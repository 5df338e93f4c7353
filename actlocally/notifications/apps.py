"""Notifications: emails and an in-platform list, as each person prefers per kind."""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "actlocally.notifications"
    label = "notifications"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Preference)
