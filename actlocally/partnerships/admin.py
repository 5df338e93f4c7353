"""Site staff can correct any partnership record in the Django admin; day-to-day work uses the pages."""

from django.contrib import admin

from . import models


class BoardMembershipInline(admin.TabularInline):
    model = models.BoardMembership
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(models.LocalAuthority)
class LocalAuthorityAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(models.Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ["name", "local_authority", "backbone"]
    inlines = [BoardMembershipInline]


class MembershipInline(admin.TabularInline):
    model = models.Membership
    extra = 0
    autocomplete_fields = ["person", "organisation"]


@admin.register(models.Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ["name", "area_name", "local_authority", "is_public"]
    list_filter = ["local_authority", "is_public"]
    search_fields = ["name", "area_name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["partner_organisations"]
    inlines = [MembershipInline]


class IntendedOutcomeInline(admin.TabularInline):
    model = models.IntendedOutcome
    extra = 0


@admin.register(models.FocusIssue)
class FocusIssueAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "status", "started_on", "ended_on"]
    list_filter = ["status"]
    inlines = [IntendedOutcomeInline]


@admin.register(models.TimelineEvent)
class TimelineEventAdmin(admin.ModelAdmin):
    list_display = ["title", "partnership", "starts_on", "kind", "is_public"]
    list_filter = ["partnership", "kind"]


@admin.register(models.Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "partnership", "role", "created_at", "expires_at", "accepted_at"]
    exclude = ["token_hash"]
    readonly_fields = ["invited_by", "accepted_by", "accepted_at"]
