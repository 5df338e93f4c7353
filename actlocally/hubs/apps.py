"""School Health Hubs and the local offer: services in the Open Referral UK data model."""

from django.apps import AppConfig


class HubsConfig(AppConfig):
    name = "actlocally.hubs"
    label = "hubs"

    def ready(self):
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Service, m2m_fields={"terms"})
        auditlog.register(models.Location)
        auditlog.register(models.Schedule)
        auditlog.register(models.Contact)
