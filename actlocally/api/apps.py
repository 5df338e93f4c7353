"""The API app: personal tokens, their audit, and the shared pieces every endpoint uses."""

from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "actlocally.api"
    label = "api"
    verbose_name = "API"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models
        from .authentication import register_schema_extension

        # Creation and revocation are audited as changes; each use as an access entry
        # (services.record_use). Neither the hash nor the last-used time is a change to log.
        auditlog.register(models.ApiToken, exclude_fields=["key_hash", "last_used_at"])
        register_schema_extension()
