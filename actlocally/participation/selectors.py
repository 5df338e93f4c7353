"""Reads for taking part without an account: a code someone typed, the guest a device token
belongs to, and the codes still working. Each takes the feature's own queryset."""

import datetime

from django.db import models
from django.utils import timezone

from .services import hash_token, normalise_code


def code_for(queryset: models.QuerySet, text: str):
    """The code row for what someone typed (spaces, dashes and case ignored), valid or not."""
    code = normalise_code(text)
    return queryset.filter(code=code).first() if code else None


def current_codes(queryset: models.QuerySet, now: datetime.datetime | None = None):
    """The codes that still work."""
    return queryset.filter(expires_at__gt=now or timezone.now())


def guest_for_token(queryset: models.QuerySet, token: str | None, *, code_field: str = "join_code"):
    """The guest a device token belongs to, while the code they joined with still works."""
    if not token:
        return None
    guest = queryset.filter(token_hash=hash_token(token)).first()
    code = getattr(guest, code_field, None) if guest is not None else None
    if code is None or not code.is_valid():
        return None
    return guest
