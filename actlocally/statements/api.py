"""API endpoint for a partnership's agreed Statements of Intent: each agreed version, with its
document as stored (the sections of statements/document.py). Drafts stay on the pages."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actlocally.api.endpoints import PageUrlField, PartnershipScopedList

from .models import StatementVersion


class FocusIssueReference(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    title = serializers.CharField(read_only=True)


@extend_schema_field(OpenApiTypes.OBJECT)
class DocumentField(serializers.JSONField):
    """The document of the version: introduction, facts, charts, quotes, actions, outcomes and
    recommendations, as the Statement of Intent page shows them."""


class AgreedStatementSerializer(serializers.ModelSerializer):
    focus_issue = FocusIssueReference(source="statement.focus_issue", read_only=True)
    version = serializers.IntegerField(source="number", read_only=True)
    is_latest = serializers.SerializerMethodField(
        help_text=_("True for the version in force: the latest agreed one of its statement.")
    )
    document = DocumentField(source="content", read_only=True)
    page_url = PageUrlField()

    class Meta:
        model = StatementVersion
        fields = [
            "id",
            "focus_issue",
            "version",
            "is_latest",
            "agreed_on",
            "agreed_on_precision",
            "agreed_by_whom",
            "document",
            "page_url",
        ]

    def get_is_latest(self, version) -> bool:
        return version.number == version.latest_agreed


class AgreedStatementList(PartnershipScopedList):
    """Every agreed version of the partnership's Statements of Intent, the newest first."""

    schema_tag = "statements of intent"

    serializer_class = AgreedStatementSerializer
    permission_required = "statements.view_statement"
    model = StatementVersion

    def get_partnership_queryset(self, partnership):
        agreed = StatementVersion.objects.filter(status=StatementVersion.Status.AGREED)
        latest = (
            agreed.filter(statement=OuterRef("statement")).order_by("-number").values("number")[:1]
        )
        return (
            agreed.filter(statement__partnership=partnership)
            .select_related("statement__focus_issue", "statement__partnership")
            .annotate(latest_agreed=Subquery(latest))
            .order_by("-agreed_on", "-number", "pk")
        )
