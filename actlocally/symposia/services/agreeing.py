"""Agreeing up to three priorities after the count, the first becoming the focus issue."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.models import Status
from actlocally.journey.services import record_evidence
from actlocally.partnerships.models import FocusIssue
from actlocally.partnerships.services import set_focus_issue

from ..models import AgreedPriority, Candidate, Symposium
from ..workflow import WORKFLOW
from .common import check_length, note_if_held


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def agree_priorities(
    *,
    symposium: Symposium,
    priorities: Sequence[Candidate],
    reason: str = "",
    focus_starts_on: datetime.date | None = None,
    agreed_at: datetime.datetime | None = None,
    by,
) -> list[AgreedPriority]:
    """The partnership agrees up to three focus priorities, most urgent first. The first becomes
    the active focus issue (or is linked to it, if it already is the focus issue). A reason is
    required when the order differs from the count or the count had a tie among the first three."""
    from ..selectors import result_for

    WORKFLOW.check(symposium, "agree_priorities", by=by)
    chosen = list(priorities)
    if not 1 <= len(chosen) <= 3:
        raise ValidationError({"first": _("Choose one, two or three priorities.")})
    if len({c.pk for c in chosen}) != len(chosen):
        raise ValidationError(_("Choose a different priority for each place."))
    if any(c.symposium_id != symposium.pk for c in chosen):
        raise ValidationError(_("Choose priorities from this symposium."))
    result = result_for(symposium)
    reason = check_length(Symposium, "agreement_reason", reason.strip(), form_field="reason")
    if not reason and result.top_tied(3):
        raise ValidationError(
            {
                "reason": _(
                    "The count has a tie among the first three. Say why you chose this order."
                )
            }
        )
    if not reason and result.top_ids(len(chosen)) != [c.pk for c in chosen]:
        raise ValidationError(
            {"reason": _("Your order differs from the count. Say why the partnership chose it.")}
        )
    positions = {row.candidate.pk: row.position for row in result.borda_rows}
    with transaction.atomic(), acting_as(by):
        agreed = [
            AgreedPriority.objects.create(
                symposium=symposium,
                candidate=c,
                urgency=n,
                title=c.title,
                result_position=positions.get(c.pk),
            )
            for n, c in enumerate(chosen, start=1)
        ]
        first = agreed[0]
        current = FocusIssue.objects.filter(
            partnership=symposium.partnership, status=FocusIssue.Status.ACTIVE
        ).first()
        if current is not None and _same_title(current.title, first.title):
            first.focus_issue = current
        else:
            first.focus_issue = set_focus_issue(
                partnership=symposium.partnership,
                title=first.title,
                summary=first.candidate.description
                or _("Agreed as the most urgent priority at %(symposium)s, %(date)s.")
                % {
                    "symposium": symposium,
                    "date": formats.date_format(timezone.localtime(symposium.starts_at), "j F Y"),
                },
                started_on=focus_starts_on or timezone.localdate(),
                by=by,
            )
        first.save(update_fields=["focus_issue"])
        symposium.agreed_at = agreed_at or timezone.now()
        symposium.agreed_by = by if getattr(by, "is_authenticated", False) else None
        symposium.agreement_reason = reason
        WORKFLOW.run(
            symposium,
            "agree_priorities",
            by=by,
            update_fields=["agreed_at", "agreed_by", "agreement_reason"],
        )
        record_evidence(
            partnership=symposium.partnership,
            step_key=StepKey.AGREE_THREE_PRIORITIES,
            evidence_label="; ".join(a.title for a in agreed),
            evidence_url=reverse(
                "symposium_results", kwargs={"slug": symposium.partnership.slug, "pk": symposium.pk}
            ),
            on=timezone.localdate(symposium.agreed_at),
            status=Status.DONE if len(agreed) == 3 else Status.IN_PROGRESS,
            by=by,
        )
        note_if_held(symposium, by)
    return agreed
