"""The access audit: who viewed or exported personal data, when, what and why."""

from django.apps import AppConfig


class AccessAuditConfig(AppConfig):
    name = "actlocally.accessaudit"
    label = "accessaudit"
    # Not registered with django-auditlog: it is itself the record, and the database refuses to
    # change it (triggers.py).

    def ready(self):
        from actlocally.privacy.hooks import register_erasure_hook

        from .services import pseudonymise_person

        # An erased person's entries keep a pseudonym (the one the erasure records), never them.
        register_erasure_hook(
            "access audit",
            lambda *, person, pseudonym, by: pseudonymise_person(
                person=person, pseudonym=pseudonym, by=by
            ),
        )
