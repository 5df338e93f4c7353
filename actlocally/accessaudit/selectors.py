"""Reads of the access audit, for the data guardian's page and its CSV (a constant number of
queries whatever the number of entries)."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q, QuerySet

from .models import AccessEvent


@dataclass(frozen=True)
class Search:
    """What the data guardian searched for; empty means "any"."""

    person: str = ""
    kind: str = ""
    partnership_id: int | None = None
    since: date | None = None
    until: date | None = None

    def describe(self) -> str:
        """The search in a line, for the entry recording that the audit was read."""
        parts = [
            f"{name}={value}"
            for name, value in (
                ("person", self.person),
                ("kind", self.kind),
                ("partnership", self.partnership_id),
                ("since", self.since),
                ("until", self.until),
            )
            if value not in ("", None)
        ]
        return "; ".join(parts) or "everything"


def events(search: Search) -> QuerySet[AccessEvent]:
    found = AccessEvent.objects.select_related("person", "partnership", "object_type")
    if search.person:
        found = found.filter(
            Q(person__full_name__icontains=search.person)
            | Q(person__email__icontains=search.person)
            | Q(pseudonym__icontains=search.person)
        )
    if search.kind:
        found = found.filter(kind=search.kind)
    if search.partnership_id is not None:
        found = found.filter(partnership_id=search.partnership_id)
    if search.since:
        found = found.filter(at__date__gte=search.since)
    if search.until:
        found = found.filter(at__date__lte=search.until)
    return found
