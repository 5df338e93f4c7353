"""Every write to a theory of change: keyword arguments, the acting person, one transaction."""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core import audit
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.partnerships.models import FocusIssue

from .models import Element, Kind, TheoryOfChange


def _clean(lines: Iterable[str]) -> list[str]:
    return [line.strip(" -•\t") for line in lines if line.strip(" -•\t")]


def save_theory(
    *,
    focus_issue: FocusIssue,
    summary: str = "",
    inputs: Iterable[str] = (),
    activities: Iterable[str] = (),
    outputs: Iterable[str] = (),
    intended_outcomes: Iterable = (),
    other_outcomes: Iterable[str] = (),
    impact: Iterable[str] = (),
    assumptions: Iterable[str] = (),
    on: datetime.date | None = None,
    by,
) -> TheoryOfChange:
    """Write the whole theory of change for a focus issue. `intended_outcomes` are the focus
    issue's own outcomes it leads to (in their order); `other_outcomes` are further outcomes in
    words (for example short-term ones) that nothing links to yet. `on` is the day it was
    written, when a partnership records one it wrote before today."""
    chosen = sorted(intended_outcomes, key=lambda o: (o.order, o.pk))
    if any(o.focus_issue_id != focus_issue.pk for o in chosen):
        raise ValidationError(
            {"intended_outcomes": _("Choose from this focus issue's intended outcomes.")}
        )
    with transaction.atomic(), acting_as(by):
        theory, _created = TheoryOfChange.objects.select_for_update().get_or_create(
            focus_issue=focus_issue, defaults={"partnership_id": focus_issue.partnership_id}
        )
        theory.summary = summary.strip()
        theory.updated_by = by if getattr(by, "is_authenticated", False) else None
        theory.save()
        # Nothing links to elements themselves (links go to intended outcomes), so the boxes
        # are simply written afresh.
        theory.elements.all().delete()
        elements = []
        for kind, lines in (
            (Kind.INPUT, inputs),
            (Kind.ACTIVITY, activities),
            (Kind.OUTPUT, outputs),
            (Kind.IMPACT, impact),
            (Kind.ASSUMPTION, assumptions),
        ):
            elements += [
                Element(theory=theory, kind=kind, order=n, text=text)
                for n, text in enumerate(_clean(lines), start=1)
            ]
        elements += [
            Element(theory=theory, kind=Kind.OUTCOME, order=n, intended_outcome=o)
            for n, o in enumerate(chosen, start=1)
        ]
        elements += [
            Element(theory=theory, kind=Kind.OUTCOME, order=len(chosen) + n, text=text)
            for n, text in enumerate(_clean(other_outcomes), start=1)
        ]
        audit.bulk_create(Element, elements)
        if any(e.kind == Kind.OUTCOME for e in elements):
            record_evidence(
                partnership=focus_issue.partnership,
                step_key=StepKey.DEVELOP_THEORY_OF_CHANGE,
                evidence_label=_("Theory of change: %(title)s") % {"title": focus_issue.title},
                evidence_url=reverse(
                    "theory_of_change", kwargs={"slug": focus_issue.partnership.slug}
                ),
                on=on or timezone.localdate(),
                by=by,
            )
    return theory
