"""The audit log in the Django admin, searchable by what our people model has."""

from auditlog.admin import LogEntryAdmin
from auditlog.models import LogEntry
from django.contrib import admin

admin.site.unregister(LogEntry)


@admin.register(LogEntry)
class AuditLogAdmin(LogEntryAdmin):
    # django-auditlog searches actor__first_name and actor__last_name, which our people (one
    # full_name, signed in by email) do not have: every search was a FieldError. A timestamp is
    # found through the date hierarchy, not by text.
    search_fields = ["object_repr", "changes", "actor__full_name", "actor__email"]
