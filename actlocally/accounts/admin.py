"""Site staff manage accounts in the Django admin."""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from .models import User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["full_name"]
    list_display = ["full_name", "email", "job_title", "is_staff", "is_active"]
    search_fields = ["full_name", "email"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Person", {"fields": ["full_name", "job_title"]}),
        (
            "Access",
            {"fields": ["is_active", "is_staff", "is_superuser", "is_data_guardian", "groups"]},
        ),
        ("History", {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"fields": ["email", "full_name", "password1", "password2"]})]
    filter_horizontal = ["groups"]

    def has_delete_permission(self, request, obj=None):
        # Deleting here would skip erasure (the scrub of their name from every record, and the
        # pseudonym in the audit log): site staff erase people from "People's data" instead.
        return False
