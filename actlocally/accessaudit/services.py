"""Every write to the access audit: record an access, pseudonymise an erased person, purge
entries past retention, and appoint or stand down a data guardian.

Entries are not in django-auditlog: the access audit is itself the record, and the database
refuses every other change to it (triggers.py).
"""

import secrets
from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from actlocally.accounts.models import User
from actlocally.core.audit import acting_as
from actlocally.core.logging import request_id_var

from .models import AccessEvent, Kind
from .triggers import RETENTION_DAYS

RETENTION = timedelta(days=RETENTION_DAYS)
LABEL_LENGTH = AccessEvent._meta.get_field("object_label").max_length


def _partnership_of(obj):
    from actlocally.partnerships.models import Partnership

    if isinstance(obj, Partnership):
        return obj
    return getattr(obj, "partnership", None)


def record_access(
    *,
    by,
    kind: Kind,
    obj=None,
    partnership=None,
    reason: str = "",
    request=None,
    label: str = "",
    at=None,
) -> AccessEvent:
    """Write down that `by` viewed or exported the personal data in `obj` (a record, or None
    for a list that is not one record). `label` names the record when str(obj) would not; `at`
    is for the demo's past entries (views leave it: now)."""
    person = by if getattr(by, "is_authenticated", False) else None
    if partnership is None and obj is not None:
        partnership = _partnership_of(obj)
    request_id = getattr(request, "request_id", "") or request_id_var.get()
    with transaction.atomic():
        return AccessEvent.objects.create(
            at=at or timezone.now(),
            person=person,
            kind=Kind(kind),
            object_type=ContentType.objects.get_for_model(obj) if obj is not None else None,
            object_id=obj.pk if obj is not None else None,
            object_label=str(label or (obj if obj is not None else ""))[:LABEL_LENGTH],
            partnership=partnership,
            request_id="" if request_id == "-" else request_id[:64],
            reason=reason,
        )


def record_view(request, kind: Kind, obj=None, *, partnership=None, reason="", label=""):
    """`record_access` for a view: one line, with the person and request id from the request."""
    return record_access(
        by=request.user,
        kind=kind,
        obj=obj,
        partnership=partnership,
        reason=reason,
        request=request,
        label=label,
    )


def new_pseudonym() -> str:
    return f"Former member {secrets.token_hex(4)}"


def pseudonymise_person(*, person: User, pseudonym: str = "", by=None) -> int:
    """Erasure's part of the access audit: the person's entries keep a pseudonym instead of
    them, and entries about them (their details looked at) lose their name. The only UPDATE the
    database allows. Returns how many entries changed."""
    pseudonym = pseudonym or new_pseudonym()
    person_type = ContentType.objects.get_for_model(User)
    with transaction.atomic(), acting_as(by):
        changed = AccessEvent.objects.filter(person=person).update(person=None, pseudonym=pseudonym)
        changed += AccessEvent.objects.filter(object_type=person_type, object_id=person.pk).update(
            object_id=None, object_label=pseudonym
        )
    return changed


def purge_expired(*, now=None) -> int:
    """Delete entries older than the retention period (the only DELETE the database allows),
    for the nightly retention task. Returns how many went."""
    cutoff = (now or timezone.now()) - RETENTION
    with transaction.atomic():
        deleted, _by_model = AccessEvent.objects.filter(at__lt=cutoff).delete()
    return deleted


def appoint_data_guardian(*, person: User, by) -> None:
    with transaction.atomic(), acting_as(by):
        person.is_data_guardian = True
        person.save(update_fields=["is_data_guardian"])


def stand_down_data_guardian(*, person: User, by) -> None:
    with transaction.atomic(), acting_as(by):
        person.is_data_guardian = False
        person.save(update_fields=["is_data_guardian"])
