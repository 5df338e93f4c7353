"""A local authority's copy of the blueprint can be extended by site staff in the admin."""

from django.contrib import admin

from .models import Phase, Step, StepProgress


class StepInline(admin.TabularInline):
    model = Step
    extra = 0


@admin.register(Phase)
class PhaseAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]
    inlines = [StepInline]


@admin.register(StepProgress)
class StepProgressAdmin(admin.ModelAdmin):
    list_display = ["partnership", "step", "status", "on", "automatic"]
    list_filter = ["status", "automatic", "partnership"]
