"""What attendees say at a symposium, from an account or a phone."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.models import Status
from actlocally.journey.services import record_evidence

from ..models import Contribution, Guest, Symposium
from .common import STEP_FOR_KIND, note_if_held
from .guests import check_guest


def add_contribution(
    *, symposium: Symposium, kind: str, text: str, guest: Guest | None = None, by=None
) -> Contribution:
    """Record what an attendee said. `by` is the signed-in member, or None for a guest."""
    text = text.strip()
    if not text:
        raise ValidationError({"text": _("Write your contribution.")})
    if symposium.stage != Symposium.Stage.COLLECTING:
        raise ValidationError(
            _("Contributions have closed: the co-ordinator has opened the ranking.")
        )
    if guest is not None:
        check_guest(guest, symposium)
    member = by if guest is None and getattr(by, "is_authenticated", False) else None
    if guest is None and member is None:
        raise ValidationError(_("Sign in or join with the event's code to contribute."))
    with transaction.atomic(), acting_as(by):
        contribution = Contribution(
            symposium=symposium, kind=kind, text=text, member=member, guest=guest
        )
        contribution.full_clean()
        contribution.save()
        record_evidence(
            partnership=symposium.partnership,
            step_key=STEP_FOR_KIND[kind],
            evidence_label=_("Being collected at %(symposium)s") % {"symposium": symposium},
            evidence_url=symposium.get_absolute_url(),
            on=timezone.localdate(contribution.created_at),
            status=Status.IN_PROGRESS,
            by=by,
        )
        note_if_held(symposium, by)
    return contribution


def remove_contribution(*, contribution: Contribution, by) -> None:
    with transaction.atomic(), acting_as(by):
        contribution.delete()
