"""Reads for the privacy pages: finding a person, and what is held about them, table by table."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from . import subjects


def find_people(text: str) -> QuerySet:
    """People whose name or email contains `text` (nobody for an empty search)."""
    text = text.strip()[:200]
    people = get_user_model().objects.order_by("full_name", "pk")
    if not text:
        return people.none()
    return people.filter(Q(full_name__icontains=text) | Q(email__icontains=text))


def recent_erasures(limit: int = 10) -> list:
    from .models import ErasureRecord

    return list(ErasureRecord.objects.select_related("erased_by")[:limit])


def held_about(person) -> list[tuple[str, int]]:
    """(table, rows) for every table that holds something about `person`: one query per table."""
    emails = subjects.emails_of(person)
    found = []
    for model in subjects.personal_models():
        count = subjects.rows_of(model, person, emails).count()
        if count:
            found.append((subjects.title_of(model), count))
    return found
