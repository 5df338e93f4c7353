"""Every write to the journey: the blueprint sync, a person's update, and the evidence hook."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.core.links import is_safe_link

from .blueprint import PHASES, StepKey
from .models import Phase, Status, Step, StepProgress


def sync_blueprint() -> None:
    """Make the Phase and Step tables match blueprint.py (adds and renames; never deletes)."""
    with transaction.atomic():
        for phase_data in PHASES:
            phase, _created = Phase.objects.update_or_create(
                number=phase_data["number"],
                defaults={"title": phase_data["title"], "summary": phase_data["summary"]},
            )
            for order, (key, title, hint, ticked_by) in enumerate(phase_data["steps"], start=1):
                Step.objects.update_or_create(
                    key=key,
                    defaults={
                        "phase": phase,
                        "order": order,
                        "title": title,
                        "hint": hint,
                        "ticked_by": ticked_by,
                    },
                )


def validate_evidence_url(url: str) -> None:
    if url and not is_safe_link(url):
        raise ValidationError(
            {
                "evidence_url": _(
                    "Enter a web address starting with https:// and the site's name, "
                    "like https://www.example.org/minutes, or a page here starting with /"
                )
            }
        )


def update_step(
    *,
    partnership,
    step: Step,
    status: str,
    on: datetime.date | None,
    note: str,
    evidence_label: str,
    evidence_url: str,
    by,
) -> StepProgress:
    """A person sets where the partnership stands on a step, from their own judgement."""
    validate_evidence_url(evidence_url)
    with transaction.atomic(), acting_as(by):
        progress, _created = StepProgress.objects.update_or_create(
            partnership=partnership,
            step=step,
            defaults={
                "status": status,
                "on": on,
                "note": note,
                "evidence_label": evidence_label,
                "evidence_url": evidence_url,
                "automatic": False,
                "updated_by": by,
            },
        )
    return progress


def record_evidence(
    *,
    partnership,
    step_key: str,
    evidence_label: str,
    evidence_url: str = "",
    on: datetime.date,
    status: str = Status.DONE,
    by=None,
) -> StepProgress | None:
    """The one hook other apps call when something in the platform is evidence for a step.

    It ticks the step (or marks it in progress) with a link to the evidence, and never moves a
    step backwards. A step a person has updated stays theirs: their status, date, note and
    evidence are kept, and the platform's evidence is added beside them (it may still move the
    step forward, from not started to in progress to done).
    Returns None when this installation has removed the step (a local copy of the blueprint
    may); a key the blueprint never had is a programming error, and raises.
    `on` is the date of the thing that is the evidence (the meeting, the agreement, the day the
    asset was added), not the day this runs: a partnership that records its history shows it.
    """
    if step_key not in set(StepKey):
        raise ValueError(f"{step_key!r} is not a step of the blueprint: use a journey StepKey")
    step = Step.objects.filter(key=step_key).first()
    if step is None:
        return None
    with transaction.atomic(), acting_as(by):
        progress = (
            StepProgress.objects.select_for_update()
            .filter(partnership=partnership, step=step)
            .first()
        )
        if progress is not None and not progress.automatic:
            progress.platform_evidence_label = evidence_label
            progress.platform_evidence_url = evidence_url
            if _ORDER[status] > _ORDER[progress.status]:
                progress.status = status
            progress.save()
            return progress
        if progress is None:
            progress = StepProgress(partnership=partnership, step=step)
        elif _ORDER[status] < _ORDER[progress.status]:
            return progress
        progress.status = status
        progress.on = on
        progress.evidence_label = evidence_label
        progress.evidence_url = evidence_url
        progress.automatic = True
        progress.updated_by = by if getattr(by, "is_authenticated", False) else None
        progress.save()
    return progress


_ORDER = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}
