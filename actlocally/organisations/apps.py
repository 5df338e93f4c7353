"""Organisations that take part: schools, trusts, councils, NHS, police, VCSE, research."""

from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    name = "actlocally.organisations"
    label = "organisations"

    def ready(self):
        from auditlog.registry import auditlog

        from .models import Affiliation, Organisation

        auditlog.register(Organisation)
        auditlog.register(Affiliation)
