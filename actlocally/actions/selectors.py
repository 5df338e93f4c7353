"""Reads for the action plan pages, each in a fixed number of queries."""

import datetime
from collections import Counter

from django.db.models import Prefetch
from django.utils import timezone

from actlocally.partnerships.models import FocusIssue, Membership, Partnership

from .models import OVERDUE, OVERDUE_LABEL, Action, ProgressNote, Status

# The order the summary and the status filter list statuses in: what needs attention first.
DISPLAY_STATUSES = [
    (OVERDUE, OVERDUE_LABEL),
    (Status.AT_RISK.value, Status.AT_RISK.label),
    (Status.ON_TRACK.value, Status.ON_TRACK.label),
    (Status.NOT_STARTED.value, Status.NOT_STARTED.label),
    (Status.DONE.value, Status.DONE.label),
    (Status.DROPPED.value, Status.DROPPED.label),
]


def actions_for_plan(partnership: Partnership, focus: FocusIssue | None):
    latest_note = Prefetch(
        "notes",
        queryset=ProgressNote.objects.select_related("written_by").order_by("-written_at", "-pk"),
    )
    qs = Action.objects.filter(partnership=partnership).select_related(
        "partnership", "owner", "owner_organisation", "outcome", "meeting"
    )
    qs = qs.filter(focus_issue=focus) if focus else qs.filter(focus_issue__isnull=True)
    return qs.prefetch_related(latest_note).order_by("due_on", "pk")


def filter_actions(qs, *, status: str = "", owner: str = "", outcome: str = "", today=None):
    if status:
        qs = qs.with_display_status(status, today)
    if owner:
        qs = qs.filter(owner_id=owner) if owner != "none" else qs.filter(owner__isnull=True)
    if outcome:
        qs = qs.filter(outcome_id=outcome) if outcome != "none" else qs.filter(outcome__isnull=True)
    return qs


def status_counts(actions) -> list[dict]:
    counts = Counter(a.display_status for a in actions)
    return [
        {"key": key, "label": label, "count": counts.get(key, 0)} for key, label in DISPLAY_STATUSES
    ]


def plan_page(partnership: Partnership, params: dict[str, str], person=None) -> dict:
    """Everything the action plan page shows: the focus issue, the filters, the counts and rows.
    `params` are the filters the view read from the query string (`PlanFilterForm.read`)."""
    focus_issues = list(
        partnership.focus_issues.prefetch_related("outcomes").order_by("-started_on")
    )
    focus = _chosen_focus(focus_issues, params["focus"])
    all_actions = list(actions_for_plan(partnership, focus))
    filters = {key: params[key] for key in ("status", "owner", "outcome")}
    if any(filters.values()):
        ids = set(
            filter_actions(actions_for_plan(partnership, focus), **filters).values_list(
                "pk", flat=True
            )
        )
        shown = [a for a in all_actions if a.pk in ids]
    else:
        shown = all_actions
    owners = sorted({a.owner for a in all_actions if a.owner}, key=lambda p: p.full_name)
    return {
        "focus": focus,
        "focus_issues": focus_issues,
        "actions": shown,
        "total": len(all_actions),
        "counts": status_counts(all_actions),
        "filters": filters,
        "filtered": any(filters.values()),
        "owners": owners,
        "outcomes": list(focus.outcomes.all()) if focus else [],
        "statuses": DISPLAY_STATUSES,
        # The person's own open actions, so an owner sees at once what is theirs to update.
        "mine": [a for a in all_actions if person and a.owner_id == person.pk and a.is_open],
    }


def _chosen_focus(focus_issues: list[FocusIssue], wanted: str) -> FocusIssue | None:
    if wanted:
        for f in focus_issues:
            if str(f.pk) == wanted:
                return f
    return next((f for f in focus_issues if f.status == FocusIssue.Status.ACTIVE), None)


def action_detail(partnership: Partnership, pk: int) -> Action | None:
    return (
        Action.objects.filter(partnership=partnership, pk=pk)
        .select_related(
            "partnership", "owner", "owner_organisation", "outcome", "focus_issue", "meeting"
        )
        .prefetch_related(
            Prefetch("notes", queryset=ProgressNote.objects.select_related("written_by"))
        )
        .first()
    )


def owner_choices(partnership: Partnership):
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("person", "organisation")
        .order_by("person__full_name")
    )


def outcome_links(partnership: Partnership, outcome_ids: list[int]) -> dict:
    """For the theory of change: the actions working towards each outcome."""
    from actlocally.theory.links import OutcomeLink

    result: dict[int, list] = {}
    for action in (
        Action.objects.filter(partnership=partnership, outcome_id__in=outcome_ids)
        .select_related("partnership")
        .order_by("due_on", "pk")
    ):
        result.setdefault(action.outcome_id, []).append(
            OutcomeLink(
                label=action.title,
                url=action.get_absolute_url(),
                status=action.display_status,
                status_label=action.display_status_label,
            )
        )
    return result


def open_actions_for_agenda(partnership: Partnership, today: datetime.date | None = None) -> list:
    """Open actions (not done, not dropped), those needing attention first: overdue, then at
    risk, then the rest, each by due date."""
    today = today or timezone.localdate()
    actions = list(
        Action.objects.filter(partnership=partnership)
        .open()
        .select_related("partnership", "owner", "owner_organisation")
    )
    rank = {OVERDUE: 0, Status.AT_RISK: 1}
    return sorted(
        actions,
        key=lambda a: (
            rank.get(OVERDUE if a.is_overdue(today) else a.status, 2),
            a.due_on or datetime.date.max,
            a.pk,
        ),
    )


def search_actions(partnership: Partnership, words: list[str], limit: int) -> list:
    """Actions of every focus issue by their title or what they involve (for the search page)."""
    from actlocally.search.registry import Result, matching

    found = (
        Action.objects.filter(partnership=partnership)
        .filter(matching(words, "title", "description"))
        .select_related("partnership", "owner")
        .order_by("due_on", "pk")[:limit]
    )
    return [
        Result(
            title=a.title,
            url=a.get_absolute_url(),
            detail=" · ".join(
                x for x in (a.display_status_label, a.owner.full_name if a.owner else "") if x
            ),
        )
        for a in found
    ]
