"""Writes to personal API tokens: make one (the only time its secret is seen), revoke one, and
record each use in the audit log."""

import datetime
import hashlib
import logging
import secrets

from auditlog.models import LogEntry
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from .models import ApiToken

logger = logging.getLogger("actlocally.api")

# Tokens start with this so that a leaked one is recognisable (and secret scanners can match it).
TOKEN_PREFIX = "actl_"  # noqa: S105 (a marker, not a secret)
# How much of the token is kept in clear, to tell a person's tokens apart: the marker and 6
# random characters, too few to help anyone guess the other 37.
VISIBLE_CHARACTERS = len(TOKEN_PREFIX) + 6


def hash_token(token: str) -> str:
    # A token carries 256 random bits, so a fast hash is enough: nothing to brute-force.
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(
    *, person, name: str, scope: str, days: int, by, now: datetime.datetime | None = None
) -> tuple[ApiToken, str]:
    """Make a token for `person`, valid for `days` (at most API_TOKEN_MAX_DAYS). Returns the
    saved token and its secret, which is not kept anywhere and cannot be shown again."""
    if not 1 <= days <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(
            _("A token can last from 1 day to %(max)s days.") % {"max": settings.API_TOKEN_MAX_DAYS}
        )
    now = now or timezone.now()
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic(), acting_as(by):
        token = ApiToken(
            person=person,
            name=name.strip(),
            scope=scope,
            prefix=secret[:VISIBLE_CHARACTERS],
            key_hash=hash_token(secret),
            created_at=now,
            expires_at=now + datetime.timedelta(days=days),
        )
        token.full_clean()
        token.save()
    return token, secret


def revoke_token(*, token: ApiToken, by) -> None:
    """Stop a token working, at once. The row stays, so its history stays readable."""
    if token.revoked_at is not None:
        return
    with transaction.atomic(), acting_as(by):
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def record_use(*, token: ApiToken, method: str, path: str, remote_addr: str | None) -> None:
    """Every request a token makes: its last-used time, an audit entry and a log line."""
    now = timezone.now()
    # A plain UPDATE, not save(): a use is not a change to the token's settings.
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    LogEntry.objects.log_create(
        token,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=token.person,
        remote_addr=remote_addr,
        additional_data={
            "person_id": token.person_id,
            "prefix": token.prefix,
            "method": method,
            "path": path,
        },
    )
    logger.info(
        "api token used",
        extra={
            "token_id": token.pk,
            "token_prefix": token.prefix,
            "person_id": token.person_id,
            "method": method,
            "path": path,
        },
    )
