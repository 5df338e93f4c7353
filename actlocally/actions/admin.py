"""Site staff can correct an action in the admin; its progress log can only be read there."""

from django.contrib import admin

from .models import Action, ProgressNote


class ProgressNoteInline(admin.TabularInline):
    model = ProgressNote
    extra = 0
    can_delete = False
    fields = readonly_fields = ["written_at", "written_by", "status_before", "status_after", "text"]

    def has_add_permission(self, request, obj=None):
        return False  # notes are written by owners on the action's page, never edited


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "owner", "due_on", "status"]
    list_filter = ["status", "partnership"]
    search_fields = ["title"]
    raw_id_fields = ["owner", "outcome", "focus_issue", "meeting", "owner_organisation"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    inlines = [ProgressNoteInline]
