"""The version of shared measurement's figures: a token read in one query and changed, in the
writer's own transaction, by every write that can change a figure or a judgement. Pages that
judge hundreds of indicators at once (the board dashboard) cache their results under it.

ORM saves and deletes change it through the signals connected in `connect()`; writes that go
around the ORM (save_figures' prepared upsert, bulk loads) call `bump()` themselves."""

import hashlib
import uuid
from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

ROW = 1
# An hour at most, so entries for superseded versions leave even a cache that never culls.
CACHE_SECONDS = 60 * 60
T = TypeVar("T")
_MISSING = object()


def current() -> str:
    """The token of the figures as this transaction sees them ("" before the first write)."""
    from .models import DataVersion

    return DataVersion.objects.filter(pk=ROW).values_list("token", flat=True).first() or ""


def bump() -> None:
    """Give the figures a new token (inside the caller's transaction, so it commits or rolls
    back with the write)."""
    from .models import DataVersion

    token = uuid.uuid4().hex
    with transaction.atomic():
        if not DataVersion.objects.filter(pk=ROW).update(token=token):
            DataVersion.objects.update_or_create(pk=ROW, defaults={"token": token})


def cached(kind: str, parts: tuple, compute: Callable[[], T]) -> T:
    """`compute()`, from the cache when the figures have not changed since it was worked out.
    `parts` is everything else the result depends on (its repr is hashed into the key)."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"measurement:{kind}:{current()}:{digest}"
    found = cache.get(key, _MISSING)
    if found is _MISSING:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


def _changed(sender, **kwargs) -> None:
    if kwargs.get("action", "post_").startswith("post_"):
        bump()


def connect() -> None:
    """Listen for ORM writes of everything a judgement is built from. DataPoint has no delete
    listener on purpose: one would make Django load every row of a cascade to send it; data
    points are only deleted with their indicator or partnership, which are listened to."""
    from actlocally.partnerships.models import LocalAuthority, Partnership
    from actlocally.places.models import FocusArea

    from .models import DataPoint, Indicator, PartnershipIndicator

    for model in (Indicator, PartnershipIndicator, FocusArea, Partnership):
        post_save.connect(_changed, sender=model, dispatch_uid=f"versions-save-{model.__name__}")
        post_delete.connect(
            _changed, sender=model, dispatch_uid=f"versions-delete-{model.__name__}"
        )
    post_save.connect(_changed, sender=DataPoint, dispatch_uid="versions-save-DataPoint")
    post_save.connect(_changed, sender=LocalAuthority, dispatch_uid="versions-save-LA")
    through = FocusArea.lsoas.through
    m2m_changed.connect(_changed, sender=through, dispatch_uid="versions-focus-area-lsoas")
    # An LSOA deleted (a boundary reload) takes its focus-area rows with it, signalling no m2m.
    post_delete.connect(_changed, sender=through, dispatch_uid="versions-focus-area-lsoa-gone")
