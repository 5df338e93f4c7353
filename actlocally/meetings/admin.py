"""Site staff can correct a meeting in the admin; calendar links are managed on the pages."""

from django.contrib import admin

from .models import AgendaItem, Attendance, Decision, Meeting


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    raw_id_fields = ["action"]


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    raw_id_fields = ["person"]


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "starts_at", "status"]
    list_filter = ["status", "kind", "partnership"]
    readonly_fields = ["uid", "sequence"]
    inlines = [AgendaItemInline, DecisionInline, AttendanceInline]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "online_link":
            kwargs["assume_scheme"] = "https"  # a meeting link typed without a scheme
        return super().formfield_for_dbfield(db_field, request, **kwargs)
