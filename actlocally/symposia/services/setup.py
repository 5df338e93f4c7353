"""Setting a symposium up: its details, who is invited, and marking it held."""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.partnerships.models import Partnership

from ..models import Symposium
from .common import note_if_held

SYMPOSIUM_FIELDS = {"title", "starts_at", "venue", "purpose", "invited_groups"}


def _set_invitees(symposium: Symposium, invited_people, invited_organisations) -> None:
    if invited_people is not None:
        member_ids = set(symposium.partnership.memberships.values_list("person_id", flat=True))
        people = list(invited_people)
        outsiders = [p for p in people if p.pk not in member_ids]
        if outsiders:
            raise ValidationError(
                {
                    "invited_people": _(
                        "%(name)s is not a member of the partnership. Invite them to the "
                        "partnership first, or name their organisation instead."
                    )
                    % {"name": outsiders[0]}
                }
            )
        symposium.invited_people.set(people)
    if invited_organisations is not None:
        symposium.invited_organisations.set(list(invited_organisations))


def create_symposium(
    *,
    partnership: Partnership,
    title: str,
    starts_at: datetime.datetime,
    venue: str,
    purpose: str = "",
    invited_groups: Sequence[str] = (),
    invited_people: Iterable | None = None,
    invited_organisations: Iterable | None = None,
    is_illustrative: bool = False,
    by,
) -> Symposium:
    with transaction.atomic(), acting_as(by):
        symposium = Symposium(
            partnership=partnership,
            title=title,
            starts_at=starts_at,
            venue=venue,
            purpose=purpose,
            invited_groups=list(invited_groups),
            is_illustrative=is_illustrative,
            created_by=by if getattr(by, "is_authenticated", False) else None,
        )
        symposium.full_clean()
        symposium.save()
        _set_invitees(symposium, invited_people, invited_organisations)
        note_if_held(symposium, by)
    return symposium


def update_symposium(
    *, symposium: Symposium, invited_people=None, invited_organisations=None, by, **fields
) -> Symposium:
    unknown = set(fields) - SYMPOSIUM_FIELDS
    if unknown:
        raise TypeError(f"update_symposium cannot change {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        for name, value in fields.items():
            setattr(symposium, name, value)
        symposium.full_clean()
        symposium.save()
        _set_invitees(symposium, invited_people, invited_organisations)
        note_if_held(symposium, by)
    return symposium


def mark_held(*, symposium: Symposium, on: datetime.date | None = None, by) -> Symposium:
    with transaction.atomic(), acting_as(by):
        symposium.held_on = on or timezone.localdate()
        symposium.save(update_fields=["held_on"])
        note_if_held(symposium, by)
    return symposium
