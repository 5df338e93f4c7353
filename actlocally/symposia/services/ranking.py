"""Opening and closing the ranking (steps of the symposium's workflow), and the ballots cast
while it is open."""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.services import record_evidence

from ..models import Ballot, Candidate, Guest, Preference, Symposium
from ..workflow import WORKFLOW
from .common import STEP_FOR_KIND, note_if_held
from .guests import check_guest


def open_ranking(*, symposium: Symposium, by) -> Symposium:
    WORKFLOW.check(symposium, "open_ranking", by=by)
    if symposium.candidates.count() < 2:
        raise ValidationError(
            _("Merge the challenges into at least two candidate priorities before ranking opens.")
        )
    with transaction.atomic(), acting_as(by):
        symposium.ranking_opened_at = timezone.now()
        WORKFLOW.run(symposium, "open_ranking", by=by, update_fields=["ranking_opened_at"])
        kinds = set(symposium.contributions.values_list("kind", flat=True))
        for kind in kinds:
            record_evidence(
                partnership=symposium.partnership,
                step_key=STEP_FOR_KIND[kind],
                evidence_label=_("Collected at %(symposium)s") % {"symposium": symposium},
                evidence_url=symposium.get_absolute_url(),
                on=timezone.localtime(symposium.starts_at).date(),
                by=by,
            )
        note_if_held(symposium, by)
    return symposium


def close_ranking(*, symposium: Symposium, by) -> Symposium:
    WORKFLOW.check(symposium, "close_ranking", by=by)
    with transaction.atomic(), acting_as(by):
        symposium.ranking_closed_at = timezone.now()
        WORKFLOW.run(symposium, "close_ranking", by=by, update_fields=["ranking_closed_at"])
    return symposium


def has_voted(*, symposium: Symposium, by=None, guest: Guest | None = None) -> bool:
    if guest is not None:
        return Ballot.objects.filter(guest=guest).exists()
    if getattr(by, "is_authenticated", False):
        return Ballot.objects.filter(symposium=symposium, member=by).exists()
    return False


def cast_ballot(
    *,
    symposium: Symposium,
    ranking: Sequence[Candidate],
    guest: Guest | None = None,
    by=None,
    cast_at: datetime.datetime | None = None,
) -> Ballot:
    """Record one ranking, most urgent first. A partial ranking is allowed; a second is not."""
    if symposium.stage != Symposium.Stage.RANKING:
        raise ValidationError(_("Ranking is not open."))
    if guest is not None:
        check_guest(guest, symposium)
    member = by if guest is None and getattr(by, "is_authenticated", False) else None
    if guest is None and member is None:
        raise ValidationError(_("Sign in or join with the event's code to rank."))
    if not ranking:
        raise ValidationError(_("Rank at least one priority."))
    ids = [c.pk for c in ranking]
    if len(set(ids)) != len(ids):
        raise ValidationError(_("Rank each priority only once."))
    if any(c.symposium_id != symposium.pk for c in ranking):
        raise ValidationError(_("Rank the priorities of this symposium."))
    if has_voted(symposium=symposium, by=member, guest=guest):
        raise ValidationError(_("You have already ranked the priorities. Each person ranks once."))
    try:
        with transaction.atomic(), acting_as(by):
            ballot = Ballot.objects.create(symposium=symposium, member=member, guest=guest)
            if cast_at is not None:  # the demo back-dates its illustrative ballots
                Ballot.objects.filter(pk=ballot.pk).update(cast_at=cast_at)
            Preference.objects.bulk_create(
                Preference(ballot=ballot, candidate=c, place=n)
                for n, c in enumerate(ranking, start=1)
            )
            note_if_held(symposium, by)
    except IntegrityError as error:  # two submissions at once: the constraint keeps one
        raise ValidationError(
            _("You have already ranked the priorities. Each person ranks once.")
        ) from error
    return ballot
