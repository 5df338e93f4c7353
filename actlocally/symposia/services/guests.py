"""Join codes shown at the event and the guests who join with them from a phone. The parts any
guest-taking feature shares (codes, device tokens, consent, erasure) are in participation/;
this module says what they mean at a symposium."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from actlocally.participation import selectors as participation_selectors
from actlocally.participation import services as participation
from actlocally.participation.services import CODE_ALPHABET, CODE_LENGTH, normalise_code

from ..models import Guest, JoinCode, Symposium
from .common import NOTHING_LEFT_TO_DO

__all__ = [
    "CODE_ALPHABET",
    "CODE_LENGTH",
    "GUEST_NAMES",
    "GUEST_NOTICE",
    "check_guest",
    "check_join_code",
    "create_join_code",
    "end_join_code",
    "forget_guest_names",
    "guest_for_token",
    "join_as_guest",
    "normalise_code",
]

# What a guest is told on the check-your-answers page before joining; joining records it.
GUEST_NOTICE = participation.Notice(
    key="symposium-guest-2024-1",
    text=_lazy(
        "We keep what you contribute and how you rank, without your name, so the partnership "
        "can see what people said. Your name, if you give one, is seen only by the co-ordinator "
        "and deleted 30 days after the event. A cookie on this phone remembers you joined, so "
        "that each phone ranks once."
    ),
)

# Guests' optional names are kept 30 days after the symposium starts (see the README).
GUEST_NAMES = participation.Erasure(
    model="symposia.Guest", event_field="symposium__starts_at", keep_days=30
)


def create_join_code(
    *, symposium: Symposium, expires_at: datetime.datetime | None = None, by
) -> JoinCode:
    """A fresh code for the symposium; by default it lasts until the end of the event's day."""
    expires_at = expires_at or symposium.event_day_ends_at
    if expires_at <= timezone.now():
        raise ValidationError(
            {"expires_at": _("Choose a time in the future for the code to stop working.")}
        )
    if not symposium.has_something_for_guests:
        raise ValidationError(_("Ranking has closed: guests have nothing left to do."))
    return participation.issue_code(
        model=JoinCode, expires_at=expires_at, by=by, symposium=symposium
    )


def end_join_code(*, join_code: JoinCode, by) -> JoinCode:
    return participation.end_code(code=join_code, by=by)


def check_join_code(code: str, *, symposium: Symposium | None = None) -> JoinCode:
    """The valid join code for `code`, or a ValidationError saying what is wrong with it."""
    join_code = participation_selectors.code_for(
        JoinCode.objects.select_related("symposium__partnership"), code
    )
    if join_code is None:
        raise ValidationError(
            _("We do not recognise that code. Check it against the code shown at the event.")
        )
    if symposium is not None and join_code.symposium_id != symposium.pk:
        raise ValidationError(_("That code is for a different symposium."))
    if not join_code.is_valid():
        raise ValidationError(
            _("That code has expired. Ask the co-ordinator at the event for a new code.")
        )
    return join_code


def join_as_guest(
    *,
    join_code: JoinCode,
    display_name: str,
    role_type: str,
    token: str | None = None,
    notice: participation.Notice = GUEST_NOTICE,
) -> tuple[Guest, str]:
    """Join a symposium from a device, agreeing to `notice`. A device that joined before (its
    token) stays one guest, so joining again with a new code does not give it a second ballot."""
    join_code = check_join_code(join_code.code, symposium=join_code.symposium)
    if not join_code.symposium.has_something_for_guests:
        raise ValidationError(NOTHING_LEFT_TO_DO)
    with transaction.atomic():
        guest = (
            Guest.objects.filter(
                token_hash=participation.hash_token(token), symposium=join_code.symposium
            ).first()
            if token
            else None
        )
        if guest is None:
            token, token_hash = participation.new_token()
            guest = Guest(symposium=join_code.symposium, token_hash=token_hash)
        guest.join_code = join_code
        guest.display_name = display_name.strip()
        guest.role_type = role_type
        participation.record_consent(guest=guest, notice=notice)
        guest.full_clean(exclude=["token_hash"])
        guest.save()
    return guest, token


def guest_for_token(token: str | None) -> Guest | None:
    """The guest a device token belongs to, while the code they joined with still works."""
    return participation_selectors.guest_for_token(
        Guest.objects.select_related("join_code", "symposium__partnership"), token
    )


def check_guest(guest: Guest, symposium: Symposium) -> None:
    if guest.symposium_id != symposium.pk:
        raise ValidationError(_("You joined a different symposium. Enter this symposium's code."))
    if guest.join_code is None or not guest.join_code.is_valid():
        raise ValidationError(
            _("Your code has expired. Ask the co-ordinator at the event for a new code.")
        )


def forget_guest_names(*, before: datetime.datetime) -> int:
    """Erase the names guests typed at symposia that started before `before`."""
    return participation.erase_names(erasure=GUEST_NAMES, before=before)
