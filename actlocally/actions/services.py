"""Every write to the action plan: keyword arguments, the acting person, one transaction, audited."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey, action_plan_developed
from actlocally.journey.models import Status as JourneyStatus
from actlocally.journey.services import record_evidence
from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import FocusIssue, Membership, Partnership

from .models import Action, ProgressNote, Status

EDITABLE_FIELDS = {
    "title",
    "description",
    "owner",
    "owner_organisation",
    "due_on",
    "status",
    "outcome",
}


def _check_owner_and_outcome(action: Action) -> None:
    errors = {}
    membership = None
    if action.owner_id is not None:
        membership = Membership.objects.filter(
            partnership_id=action.partnership_id, person_id=action.owner_id
        ).first()
        if membership is None:
            errors["owner"] = _("The owner must be a member of the partnership.")
    if action.outcome_id is not None and action.outcome.focus_issue_id != action.focus_issue_id:
        errors["outcome"] = _("Choose one of the intended outcomes of this focus issue.")
    if errors:
        raise ValidationError(errors)
    # The owner's organisation, unless another was chosen: who is answerable, and for whom.
    if membership is not None and action.owner_organisation_id is None:
        action.owner_organisation_id = membership.organisation_id


def _active_focus(partnership: Partnership) -> FocusIssue | None:
    return partnership.focus_issues.filter(status=FocusIssue.Status.ACTIVE).first()


def create_action(
    *,
    partnership: Partnership,
    title: str,
    description: str = "",
    owner=None,
    owner_organisation=None,
    due_on: datetime.date | None = None,
    status: str = Status.NOT_STARTED,
    outcome=None,
    meeting=None,
    by,
) -> Action:
    """Add an action to the plan for the partnership's current focus issue."""
    with transaction.atomic(), acting_as(by):
        action = Action(
            partnership=partnership,
            focus_issue=_active_focus(partnership),
            title=title,
            description=description,
            owner=owner,
            owner_organisation=owner_organisation,
            due_on=due_on,
            status=status,
            outcome=outcome,
            meeting=meeting,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        _check_owner_and_outcome(action)
        # Who created it is set here, not typed: the platform itself (by=None) leaves it empty.
        action.full_clean(exclude=["created_by"])
        action.save()
        _record_plan_evidence(partnership, by)
    return action


def _record_plan_evidence(partnership: Partnership, by) -> None:
    """Tick "Develop an action plan" when enough actions have an owner and a due date (the rule
    is in the blueprint); until then the step is in progress and says how many do."""
    ready = (
        Action.objects.filter(
            partnership=partnership, focus_issue=_active_focus(partnership), due_on__isnull=False
        )
        .filter(Q(owner__isnull=False) | Q(owner_organisation__isnull=False))
        .count()
    )
    record_evidence(
        partnership=partnership,
        step_key=StepKey.DEVELOP_ACTION_PLAN,
        evidence_label=ngettext(
            "The action plan: %(n)s action with an owner and a due date",
            "The action plan: %(n)s actions with an owner and a due date",
            ready,
        )
        % {"n": ready},
        evidence_url=reverse("action_plan", kwargs={"slug": partnership.slug}),
        status=JourneyStatus.DONE
        if action_plan_developed(actions_with_owner_and_due_date=ready)
        else JourneyStatus.IN_PROGRESS,
        # The plan reached this state with the change just made.
        on=timezone.localdate(),
        by=by,
    )


def carry_agreed_actions(
    *, partnership: Partnership, focus_issue: FocusIssue, rows: list[dict], by
) -> int:
    """Put actions agreed elsewhere (a Statement of Intent) into the plan of the partnership's
    current focus issue, each with its lead organisation. An action already in the plan (the
    same words) is left as it is, so agreeing again adds nothing twice. Returns how many were
    added."""
    if focus_issue.status != FocusIssue.Status.ACTIVE:
        return 0  # an earlier focus issue's plan is history
    added = 0
    with transaction.atomic(), acting_as(by):
        have = {
            _words(t)
            for t in Action.objects.select_for_update()
            .filter(partnership=partnership, focus_issue=focus_issue)
            .values_list("title", flat=True)
        }
        title_length = Action._meta.get_field("title").max_length
        for row in rows:
            text = (row.get("text") or "").strip()
            title = text if len(text) <= title_length else text[: title_length - 1] + "…"
            if not text or _words(title) in have:
                continue
            create_action(
                partnership=partnership,
                title=title,
                description=text if title != text else "",
                owner_organisation=Organisation.objects.filter(pk=row.get("lead_id")).first()
                if row.get("lead_id")
                else None,
                by=by,
            )
            have.add(_words(title))
            added += 1
    return added


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


def update_action(*, action: Action, by, **fields) -> Action:
    """The co-ordinator changes any detail of an action. A change of status is logged."""
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise TypeError(f"update_action cannot change {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        before = action.status
        for name, value in fields.items():
            setattr(action, name, value)
        if "owner" in fields and "owner_organisation" not in fields:
            action.owner_organisation = None
        _check_owner_and_outcome(action)
        action.full_clean()
        action.save()
        if action.status != before:
            _add_note(action=action, text="", before=before, after=action.status, by=by)
        if {"owner", "owner_organisation", "due_on"} & set(fields):
            _record_plan_evidence(action.partnership, by)
    return action


def add_progress(
    *, action: Action, status: str, note: str, at: datetime.datetime | None = None, by
) -> ProgressNote:
    """An owner (or the co-ordinator) says how the action is going: a status and, if they
    like, a dated note. Either must say something. `at` back-dates a note (imports, the demo)."""
    note = note.strip()
    if status not in Status.values:
        raise ValidationError({"status": _("Choose a status.")})
    if not note and status == action.status:
        raise ValidationError(
            {"note": _("Write a progress note or change the status, so there is something new.")}
        )
    with transaction.atomic(), acting_as(by):
        before = action.status
        if status != before:
            action.status = status
            action.save(update_fields=["status", "updated_at"])
        return _add_note(action=action, text=note, before=before, after=status, at=at, by=by)


def _add_note(*, action: Action, text: str, before: str, after: str, at=None, by) -> ProgressNote:
    return ProgressNote.objects.create(
        action=action,
        written_by=by if getattr(by, "is_authenticated", False) else None,
        written_at=at or timezone.now(),
        text=text,
        status_before=before,
        status_after=after,
    )


def delete_action(*, action: Action, by) -> None:
    with transaction.atomic(), acting_as(by):
        action.delete()
