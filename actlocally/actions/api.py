"""API endpoints for a partnership's action plan, with the filters the action plan page has."""

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.status import HTTP_201_CREATED

from actlocally.api.endpoints import (
    SLUG_PARAMETER,
    PageUrlField,
    PartnershipScopedDetail,
    PartnershipScopedList,
    PartnershipScopedMixin,
    PersonReference,
    Reference,
)

from . import services
from .models import Action, ProgressNote, Status
from .selectors import DISPLAY_STATUSES, filter_actions


class ProgressNoteSerializer(serializers.ModelSerializer):
    written_by = PersonReference(read_only=True, allow_null=True)

    class Meta:
        model = ProgressNote
        fields = ["written_at", "written_by", "text", "status_before", "status_after"]


class OutcomeReference(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    text = serializers.CharField(read_only=True)


class ActionSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(
        choices=Status.choices, read_only=True, help_text=_("What the owner last said.")
    )
    display_status = serializers.ChoiceField(
        choices=DISPLAY_STATUSES,
        read_only=True,
        help_text=_("What the action plan shows: 'overdue' for an open action past its date."),
    )
    owner = PersonReference(read_only=True, allow_null=True)
    owner_organisation = Reference(read_only=True, allow_null=True)
    outcome = OutcomeReference(read_only=True, allow_null=True)
    page_url = PageUrlField()

    class Meta:
        model = Action
        fields = [
            "id",
            "title",
            "description",
            "status",
            "display_status",
            "due_on",
            "focus_issue",
            "outcome",
            "owner",
            "owner_organisation",
            "meeting",
            "created_at",
            "updated_at",
            "page_url",
        ]


class ActionDetailSerializer(ActionSerializer):
    progress_notes = ProgressNoteSerializer(source="notes", many=True, read_only=True)

    class Meta(ActionSerializer.Meta):
        fields = [*ActionSerializer.Meta.fields, "progress_notes"]


class ActionFilters(serializers.Serializer):
    """The action list's query parameters; a wrong one is a 400 that says what to send."""

    status = serializers.ChoiceField(
        choices=DISPLAY_STATUSES,
        required=False,
        help_text=_("As the page shows it: 'overdue' is an open action past its due date."),
    )
    owner = serializers.CharField(
        required=False,
        help_text=_(
            "A person's id, 'me' for your own actions, or 'none' for actions with no owner."
        ),
    )
    focus_issue = serializers.IntegerField(required=False, min_value=1)
    due_from = serializers.DateField(required=False, help_text=_("Due on or after (YYYY-MM-DD)."))
    due_until = serializers.DateField(required=False, help_text=_("Due on or before (YYYY-MM-DD)."))

    def validate_owner(self, value):
        if value in ("me", "none") or value.isdigit():
            return value
        raise serializers.ValidationError(_("Enter a person's id (a number), 'me' or 'none'."))

    def validate(self, attrs):
        if (
            attrs.get("due_from")
            and attrs.get("due_until")
            and attrs["due_from"] > attrs["due_until"]
        ):
            raise serializers.ValidationError(
                {"due_until": _("Enter a date on or after due_from.")}
            )
        return attrs


def _actions_of(partnership):
    return Action.objects.filter(partnership=partnership).select_related(
        "partnership", "owner", "owner_organisation", "outcome"
    )


class ActionList(PartnershipScopedList):
    """The partnership's actions, soonest due first, filtered as on the action plan page."""

    schema_tag = "actions"

    serializer_class = ActionSerializer
    permission_required = "actions.view_actions"
    model = Action

    def get_partnership_queryset(self, partnership):
        filters = ActionFilters(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        wanted = filters.validated_data
        owner = wanted.get("owner", "")
        qs = filter_actions(
            _actions_of(partnership),
            status=wanted.get("status", ""),
            owner=str(self.request.user.pk) if owner == "me" else owner,
        )
        if "focus_issue" in wanted:
            qs = qs.filter(focus_issue_id=wanted["focus_issue"])
        if "due_from" in wanted:
            qs = qs.filter(due_on__gte=wanted["due_from"])
        if "due_until" in wanted:
            qs = qs.filter(due_on__lte=wanted["due_until"])
        return qs.order_by("due_on", "pk")

    @extend_schema(parameters=[SLUG_PARAMETER, ActionFilters])
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)


class ActionDetail(PartnershipScopedDetail):
    """One action, with its progress notes, newest first."""

    schema_tag = "actions"

    serializer_class = ActionDetailSerializer
    permission_required = "actions.view_actions"
    model = Action

    def get_partnership_queryset(self, partnership):
        return _actions_of(partnership).prefetch_related(
            Prefetch("notes", queryset=ProgressNote.objects.select_related("written_by"))
        )


class ProgressInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=Status.choices)
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=4000,
        help_text=_("What has happened since the last update. Do not name children or families."),
    )


class ActionProgress(PartnershipScopedMixin, generics.GenericAPIView):
    """Say how an action is going, as its owner (or the co-ordinator) does on the action's
    update page: a status and, if you like, a progress note. Needs a read and write token."""

    schema_tag = "actions"
    serializer_class = ActionDetailSerializer
    partnership_permission = "actions.view_actions"
    permission_required = "actions.update_action"
    model = Action

    def get_partnership_queryset(self, partnership):
        return _actions_of(partnership).prefetch_related(
            Prefetch("notes", queryset=ProgressNote.objects.select_related("written_by"))
        )

    @extend_schema(
        parameters=[SLUG_PARAMETER],
        request=ProgressInput,
        responses={201: ActionDetailSerializer},
    )
    def post(self, request, *args, **kwargs):
        action = self.get_object()  # 404 if not in this partnership; 403 if not yours to update
        given = ProgressInput(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            services.add_progress(action=action, **given.validated_data, by=request.user)
        except ValidationError as error:
            raise serializers.ValidationError(
                error.message_dict if hasattr(error, "error_dict") else error.messages
            ) from None
        action = self.get_queryset().get(pk=action.pk)
        return Response(self.get_serializer(action).data, status=HTTP_201_CREATED)
