"""Site staff can see and revoke anyone's API tokens; the secret itself exists nowhere to show."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import services
from .models import ApiToken


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "person", "prefix", "scope", "expires_at", "last_used_at", "revoked_at"]
    list_filter = ["scope"]
    search_fields = ["name", "prefix", "person__email", "person__full_name"]
    readonly_fields = [
        "person",
        "name",
        "prefix",
        "scope",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    exclude = ["key_hash"]
    actions = ["revoke"]

    def has_add_permission(self, request):
        return False  # a token is made by its owner, on their profile, so that only they see it

    @admin.action(description=_("Revoke the chosen tokens"))
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            services.revoke_token(token=token, by=request.user)
