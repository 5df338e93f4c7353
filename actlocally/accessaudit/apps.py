"""The access audit: who viewed or exported personal data, when, what and why."""

from django.apps import AppConfig


class AccessAuditConfig(AppConfig):
    name = "actlocally.accessaudit"
    label = "accessaudit"
    # Not registered with django-auditlog: it is itself the record, and the database refuses to
    # change it (triggers.py).
