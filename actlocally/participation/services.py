"""Writes for taking part without an account: codes, device tokens, consent, erasing names, and
the cache-based limits on guessing codes. Plain functions with keyword arguments; each feature
(symposia, consultations, panels) calls them with its own models and says its own words."""

import datetime
import hashlib
import secrets
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db import models, transaction
from django.utils import timezone
from django.utils.functional import Promise

from actlocally.core.audit import acting_as

# No 0/O, 1/I/L, 2/Z, 5/S or 8/B: codes are read off a screen across a hall and typed on phones.
CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6


# Codes ---------------------------------------------------------------------------------------------


def normalise_code(text: str) -> str:
    """What someone typed, as a code: capitals, no spaces or dashes."""
    return "".join(ch for ch in text.upper() if ch.isalnum())


def issue_code(
    *, model: type[models.Model], expires_at: datetime.datetime, by, **context
) -> models.Model:
    """A fresh code row of `model` (an AccessCode), unique across it, for `context` (for
    example symposium=…). The caller checks `expires_at` and whether codes make sense now."""
    with transaction.atomic(), acting_as(by):
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _n in range(CODE_LENGTH))
            if not model.objects.filter(code=code).exists():
                break
        return model.objects.create(code=code, expires_at=expires_at, created_by=by, **context)


def end_code(*, code: models.Model, by) -> models.Model:
    """Stop a code working now. Guests who joined with it can no longer take part."""
    with transaction.atomic(), acting_as(by):
        code.expires_at = timezone.now()
        code.save(update_fields=["expires_at"])
    return code


# Device tokens -------------------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> tuple[str, str]:
    """A device token for the session cookie, and the hash to keep in the database."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


# Consent -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Notice:
    """What a guest is told before they join, as one versioned text. Change `key` whenever the
    words change, so each guest's record says which words they agreed to."""

    key: str
    text: str | Promise


def record_consent(*, guest: models.Model, notice: Notice, at: datetime.datetime | None = None):
    """Note on the guest (a GuestBase, not yet saved) that they agreed to `notice`, and when."""
    guest.consent_notice = notice.key
    guest.consented_at = at or timezone.now()
    return guest


# Erasing names -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Erasure:
    """Names typed by guests of `model` are erased `keep_days` after the date at `event_field`
    (a lookup path such as "symposium__starts_at")."""

    model: str  # "app_label.ModelName"
    event_field: str
    keep_days: int = 30
    name_field: str = "display_name"


_ERASURES: dict[str, Erasure] = {}


def register_erasure(erasure: Erasure) -> None:
    """Called from the feature's AppConfig.ready(); the daily job then erases its names too."""
    _ERASURES[erasure.model] = erasure


def registered_erasures() -> list[Erasure]:
    return list(_ERASURES.values())


def erase_names(*, erasure: Erasure, before: datetime.datetime) -> int:
    """Erase the names guests typed for events that happened before `before`."""
    model = apps.get_model(erasure.model)
    return (
        model.objects.filter(**{f"{erasure.event_field}__lt": before})
        .exclude(**{erasure.name_field: ""})
        .update(**{erasure.name_field: ""})
    )


def erase_due_names(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """The daily job: every registered feature's names past their keeping time, erased.
    Returns how many were erased per model."""
    now = now or timezone.now()
    return {
        e.model: erase_names(erasure=e, before=now - datetime.timedelta(days=e.keep_days))
        for e in registered_erasures()
    }


# Limits on guessing codes --------------------------------------------------------------------------


@dataclass(frozen=True)
class AttemptLimit:
    """Wrong attempts allowed per window, per connection and per session, counted in the shared
    cache (Redis in production, so every app server sees the same counts)."""

    name: str  # the cache key prefix, e.g. "symposia:join"
    window: int = 10 * 60
    per_ip: int = 50
    per_session: int = 10

    def _keys(self, request) -> list[tuple[str, int]]:
        if not request.session.session_key:
            request.session.save()
        ip = request.META.get("REMOTE_ADDR", "unknown")
        return [
            (f"{self.name}:ip:{ip}", self.per_ip),
            (f"{self.name}:session:{request.session.session_key}", self.per_session),
        ]

    def exceeded(self, request) -> bool:
        return any(cache.get(key, 0) >= limit for key, limit in self._keys(request))

    def count_failure(self, request) -> None:
        for key, _limit in self._keys(request):
            cache.add(key, 0, self.window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, self.window)
