"""Site staff can correct a theory of change in the admin."""

from django.contrib import admin

from .models import Element, TheoryOfChange


class ElementInline(admin.TabularInline):
    model = Element
    extra = 0
    raw_id_fields = ["intended_outcome"]


@admin.register(TheoryOfChange)
class TheoryOfChangeAdmin(admin.ModelAdmin):
    list_display = ["focus_issue", "partnership", "updated_at"]
    inlines = [ElementInline]
