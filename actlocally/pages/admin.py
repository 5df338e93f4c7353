"""Site staff read feedback in the admin; nobody edits what someone else wrote."""

from django.contrib import admin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["created_at", "trying_to", "how_it_went", "page", "email"]
    search_fields = ["trying_to", "how_it_went", "page"]
    date_hierarchy = "created_at"
    fields = readonly_fields = ["created_at", "page", "trying_to", "how_it_went", "email"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
