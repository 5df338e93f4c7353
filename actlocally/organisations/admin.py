"""Site staff manage organisations and affiliations in the Django admin."""

from django.contrib import admin

from .models import Affiliation, Organisation


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ["person"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "sector", "urn", "charity_number", "company_number"]
    list_filter = ["sector"]
    search_fields = ["name", "urn", "charity_number", "company_number"]
    inlines = [AffiliationInline]
