"""The board dashboard's progress columns for many partnerships at once: each one's journey
phase, its Statement of Intent's state and its overdue actions, each in a fixed number of
queries."""

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.actions.models import Action
from actlocally.journey.models import Phase, Status, Step, StepProgress
from actlocally.partnerships.models import DatePrecision, FocusIssue, format_date
from actlocally.statements.models import Statement, StatementVersion


@dataclass
class PhaseSummary:
    """Where a partnership is on the blueprint: the furthest phase it has started a step of,
    and how many of all the steps it has done."""

    number: int | None
    title: str
    done: int
    total: int


@dataclass
class StatementSummary:
    words: str
    tag_class: str
    url: str = ""


# Journey ---------------------------------------------------------------------------------------


def phases_of(partnership_ids: list[int]) -> dict[int, PhaseSummary]:
    """partnership id -> its current phase (3 queries). A partnership works on several phases at
    once (it delivers actions while still drawing more partners in), so its phase is the
    furthest one it has begun, not the first one it has not finished."""
    phases = {
        pk: (number, title)
        for pk, number, title in Phase.objects.values_list("pk", "number", "title")
    }
    phase_of_step = {
        step: phases[phase] for step, phase in Step.objects.values_list("pk", "phase_id")
    }
    total = len(phase_of_step)
    done = Counter()
    furthest = {}
    for partnership_id, step_id, status in (
        StepProgress.objects.filter(partnership_id__in=partnership_ids)
        .exclude(status=Status.NOT_STARTED)
        .values_list("partnership_id", "step_id", "status")
    ):
        phase = phase_of_step[step_id]
        if status == Status.DONE:
            done[partnership_id] += 1
        if partnership_id not in furthest or phase[0] > furthest[partnership_id][0]:
            furthest[partnership_id] = phase
    first = min(phases.values(), default=(None, ""))
    return {pk: PhaseSummary(*furthest.get(pk, first), done[pk], total) for pk in partnership_ids}


# Statements of Intent --------------------------------------------------------------------------


_SLUG = "partnership-slug-placeholder"


class VersionState(NamedTuple):
    """What the dashboard reads of a Statement of Intent's version (not its document)."""

    number: int
    status: str
    agreed_on: datetime.date | None
    agreed_on_precision: str
    updated_at: datetime.datetime

    @property
    def is_agreed(self) -> bool:
        return self.status == StatementVersion.Status.AGREED

    @property
    def date_label(self) -> str:
        # StatementVersion.date_label's rule.
        if self.agreed_on:
            return format_date(self.agreed_on, self.agreed_on_precision)
        return format_date(self.updated_at.date(), DatePrecision.DAY)

    @property
    def status_label(self) -> str:
        return str(StatementVersion.Status(self.status).label)

    @property
    def tag_class(self) -> str:
        return StatementVersion.TAG_CLASSES[self.status]


def statement_summary(statement: tuple[str, list[VersionState]] | None) -> StatementSummary:
    """The Statement of Intent's state in words, from statements_of's (address, versions)."""
    if statement is None:
        return StatementSummary(_("Not started"), "govuk-tag--grey")
    url, states = statement
    versions = sorted(states, key=lambda v: -v.number)
    agreed = next((v for v in versions if v.is_agreed), None)
    latest = versions[0] if versions else None
    if agreed is not None:
        words = _("Agreed %(date)s") % {"date": agreed.date_label}
        if latest is not agreed:
            words += " · " + _("version %(number)s %(status)s") % {
                "number": latest.number,
                "status": latest.status_label.lower(),
            }
        return StatementSummary(words, "govuk-tag--green", url)
    if latest is None:
        return StatementSummary(_("Not started"), "govuk-tag--grey", url)
    words = _("%(status)s (version %(number)s)") % {
        "status": latest.status_label,
        "number": latest.number,
    }
    return StatementSummary(words, latest.tag_class, url)


def statements_of(partnership_ids: list[int]) -> dict[int, tuple[str, list[VersionState]]]:
    """partnership id -> the address of the Statement of Intent of its current focus issue and
    its versions' states (2 queries, plain rows: the documents are not read)."""
    current = {"focus_issue__status": FocusIssue.Status.ACTIVE}
    # One reverse() per page: every current Statement's address is the same pattern.
    pattern = reverse("statement", kwargs={"slug": _SLUG})
    result = {
        partnership_id: (pattern.replace(_SLUG, slug), [])
        for partnership_id, slug in Statement.objects.filter(
            partnership_id__in=partnership_ids, **current
        ).values_list("partnership_id", "partnership__slug")
    }
    for partnership_id, *state in StatementVersion.objects.filter(
        statement__partnership_id__in=partnership_ids,
        **{f"statement__{k}": v for k, v in current.items()},
    ).values_list(
        "statement__partnership_id",
        "number",
        "status",
        "agreed_on",
        "agreed_on_precision",
        "updated_at",
    ):
        result[partnership_id][1].append(VersionState(*state))
    return result


# Actions ---------------------------------------------------------------------------------------


def overdue_counts(partnership_ids: list[int], today=None) -> Counter:
    """partnership id -> how many open actions are past their due date (1 query)."""
    return Counter(
        dict(
            Action.objects.filter(partnership_id__in=partnership_ids)
            .overdue(today or timezone.localdate())
            .values_list("partnership_id")
            .annotate(n=Count("pk"))
            .values_list("partnership_id", "n")
        )
    )
