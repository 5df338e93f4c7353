"""API endpoints for partnerships and their focus issues."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers

from actlocally.api.endpoints import (
    SLUG_PARAMETER,
    PageUrlField,
    PartnershipScopedList,
    Reference,
    VisibleObjectsMixin,
)
from actlocally.authorization import visible_partnership_filter
from actlocally.organisations.models import Organisation

from .models import FocusIssue, IntendedOutcome, LocalAuthority, Partnership


class LocalAuthoritySerializer(serializers.ModelSerializer):
    class Meta:
        model = LocalAuthority
        fields = ["code", "name"]


class PartnershipSerializer(serializers.ModelSerializer):
    local_authority = LocalAuthoritySerializer(read_only=True)
    backbone = Reference(read_only=True)
    research_partner = Reference(read_only=True, allow_null=True)
    partners = Reference(source="partner_organisations", many=True, read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Partnership
        fields = [
            "slug",
            "name",
            "area_name",
            "area_description",
            "summary",
            "is_public",
            "local_authority",
            "backbone",
            "research_partner",
            "partners",
            "page_url",
        ]


class IntendedOutcomeSerializer(serializers.ModelSerializer):
    class Meta:
        model = IntendedOutcome
        fields = ["id", "text"]


class FocusIssueSerializer(serializers.ModelSerializer):
    intended_outcomes = IntendedOutcomeSerializer(source="outcomes", many=True, read_only=True)

    class Meta:
        model = FocusIssue
        fields = ["id", "title", "summary", "status", "started_on", "ended_on", "intended_outcomes"]


def _partnerships_for(user):
    return (
        Partnership.objects.filter(visible_partnership_filter(user))
        .select_related("local_authority", "backbone", "research_partner")
        .prefetch_related(
            Prefetch("partner_organisations", queryset=Organisation.objects.order_by("name"))
        )
        .order_by("name")
    )


class PartnershipList(VisibleObjectsMixin, generics.ListAPIView):
    """The partnerships you may see: your own, those of a board you sit on, or all (site staff)."""

    serializer_class = PartnershipSerializer
    permission_required = "partnerships.view_partnership"

    def get_queryset(self):
        return _partnerships_for(self.request.user)


class PartnershipDetail(VisibleObjectsMixin, generics.RetrieveAPIView):
    """One partnership you may see."""

    serializer_class = PartnershipSerializer
    permission_required = "partnerships.view_partnership"
    lookup_field = "slug"

    def get_queryset(self):
        return _partnerships_for(self.request.user)

    @extend_schema(parameters=[SLUG_PARAMETER])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class FocusIssueList(PartnershipScopedList):
    """The partnership's focus issues, the active one first, with their intended outcomes."""

    schema_tag = "focus issues"

    serializer_class = FocusIssueSerializer
    permission_required = "partnerships.view_partnership"
    model = FocusIssue

    def get_partnership_queryset(self, partnership):
        # "active" sorts before "past"; then the most recent first.
        return (
            FocusIssue.objects.filter(partnership=partnership)
            .prefetch_related("outcomes")
            .order_by("status", "-started_on", "pk")
        )
