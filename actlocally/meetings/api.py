"""API endpoint for a partnership's meetings: when and where, the agenda, minutes and decisions.
Who attended is left out: it is about people, and scripts have not needed it."""

from django.db.models import Prefetch
from rest_framework import serializers

from actlocally.api.endpoints import PageUrlField, PartnershipScopedList

from .models import AgendaItem, Decision, Meeting


class DecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Decision
        fields = ["id", "text", "agenda_item"]


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "order", "title", "action", "minutes"]


class MeetingSerializer(serializers.ModelSerializer):
    agenda = AgendaItemSerializer(many=True, read_only=True)
    decisions = DecisionSerializer(many=True, read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = Meeting
        fields = [
            "id",
            "title",
            "kind",
            "status",
            "focus",
            "starts_at",
            "ends_at",
            "location",
            "online_link",
            "agenda",
            "decisions",
            "page_url",
        ]


class MeetingList(PartnershipScopedList):
    """The partnership's meetings, earliest first, with their agendas, minutes and decisions."""

    schema_tag = "meetings"

    serializer_class = MeetingSerializer
    permission_required = "meetings.view_meetings"
    model = Meeting

    def get_partnership_queryset(self, partnership):
        return (
            Meeting.objects.filter(partnership=partnership)
            .select_related("partnership")
            .prefetch_related(
                Prefetch("agenda", queryset=AgendaItem.objects.order_by("order", "pk")),
                Prefetch("decisions", queryset=Decision.objects.order_by("order", "pk")),
            )
            .order_by("starts_at", "pk")
        )
