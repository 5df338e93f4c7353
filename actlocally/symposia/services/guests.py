"""Join codes shown at the event and the guests who join with them from a phone."""

import datetime
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from ..models import Guest, JoinCode, Symposium
from .common import NOTHING_LEFT_TO_DO

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: codes are read off a screen across a hall and typed on phones.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def create_join_code(
    *, symposium: Symposium, expires_at: datetime.datetime | None = None, by
) -> JoinCode:
    """A fresh code for the symposium; by default it lasts until the end of the event's day."""
    expires_at = expires_at or symposium.event_day_ends_at
    if expires_at <= timezone.now():
        raise ValidationError(
            {"expires_at": _("Choose a time in the future for the code to stop working.")}
        )
    if symposium.stage not in (Symposium.Stage.COLLECTING, Symposium.Stage.RANKING):
        raise ValidationError(_("Ranking has closed: guests have nothing left to do."))
    with transaction.atomic(), acting_as(by):
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))
            if not JoinCode.objects.filter(code=code).exists():
                break
        return JoinCode.objects.create(
            symposium=symposium, code=code, expires_at=expires_at, created_by=by
        )


def end_join_code(*, join_code: JoinCode, by) -> JoinCode:
    with transaction.atomic(), acting_as(by):
        join_code.expires_at = timezone.now()
        join_code.save(update_fields=["expires_at"])
    return join_code


def check_join_code(code: str, *, symposium: Symposium | None = None) -> JoinCode:
    """The valid join code for `code`, or a ValidationError saying what is wrong with it."""
    join_code = (
        JoinCode.objects.select_related("symposium__partnership")
        .filter(code=normalise_code(code))
        .first()
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
    *, join_code: JoinCode, display_name: str, role_type: str, token: str | None = None
) -> tuple[Guest, str]:
    """Join a symposium from a device. A device that joined before (its token) stays one guest,
    so joining again with a new code does not give it a second ballot."""
    join_code = check_join_code(join_code.code, symposium=join_code.symposium)
    if not join_code.symposium.has_something_for_guests:
        raise ValidationError(NOTHING_LEFT_TO_DO)
    with transaction.atomic():
        guest = (
            Guest.objects.filter(token_hash=_hash(token), symposium=join_code.symposium).first()
            if token
            else None
        )
        if guest is None:
            token = secrets.token_urlsafe(32)
            guest = Guest(symposium=join_code.symposium, token_hash=_hash(token))
        guest.join_code = join_code
        guest.display_name = display_name.strip()
        guest.role_type = role_type
        guest.full_clean(exclude=["token_hash"])
        guest.save()
    return guest, token


def guest_for_token(token: str | None) -> Guest | None:
    """The guest a device token belongs to, while the code they joined with still works."""
    if not token:
        return None
    guest = (
        Guest.objects.select_related("join_code", "symposium__partnership")
        .filter(token_hash=_hash(token))
        .first()
    )
    if guest is None or guest.join_code is None or not guest.join_code.is_valid():
        return None
    return guest


def check_guest(guest: Guest, symposium: Symposium) -> None:
    if guest.symposium_id != symposium.pk:
        raise ValidationError(_("You joined a different symposium. Enter this symposium's code."))
    if guest.join_code is None or not guest.join_code.is_valid():
        raise ValidationError(
            _("Your code has expired. Ask the co-ordinator at the event for a new code.")
        )


def forget_guest_names(*, before: datetime.datetime) -> int:
    """Erase the names guests typed at symposia that started before `before`."""
    return (
        Guest.objects.filter(symposium__starts_at__lt=before)
        .exclude(display_name="")
        .update(display_name="")
    )
