"""What a partnership's search finds. Each app registers a kind of thing from its AppConfig.ready()
(as it registers its sections in partnerships/navigation.py), so measurement, grants and hubs add
theirs without editing this app."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.functional import Promise

# Enough to recognise what one is looking for; past it, the page asks for more words.
LIMIT = 10
# Longer queries are cut: nobody types more, and each word is one more condition per field.
MAX_LENGTH = 100
MAX_WORDS = 8


@dataclass(frozen=True)
class Result:
    title: str
    url: str
    detail: str = ""


# find(partnership, words, limit) returns up to `limit` results in one query.
Finder = Callable[..., list[Result]]


@dataclass(frozen=True)
class Searchable:
    key: str
    label: str | Promise
    order: int
    # The permission (from the permission table, object: the partnership) the kind's own pages
    # check, so nobody finds what they could not open.
    permission: str
    find: Finder


_SEARCHABLES: dict[str, Searchable] = {}


def register_searchable(*, key: str, label, order: int, permission: str, find: Finder) -> None:
    _SEARCHABLES[key] = Searchable(
        key=key, label=label, order=order, permission=permission, find=find
    )


def words_of(query: str) -> list[str]:
    return query[:MAX_LENGTH].split()[:MAX_WORDS]


def matching(words: list[str], *fields: str) -> Q:
    """Every word appears in at least one of the fields (case-insensitively)."""
    condition = Q()
    for word in words:
        condition &= reduce(or_, (Q(**{f"{field}__icontains": word}) for field in fields))
    return condition


def search(partnership, user, query: str, limit: int = LIMIT) -> list[dict]:
    """The kinds the person may see, each with its first `limit` results and whether there are
    more: one query per kind, whatever the data."""
    from actlocally.authorization import has_permission

    words = words_of(query)
    if not words:
        return []
    groups = []
    for kind in sorted(_SEARCHABLES.values(), key=lambda k: k.order):
        if not has_permission(user, kind.permission, partnership):
            continue
        found = kind.find(partnership, words, limit + 1)
        groups.append(
            {
                "key": kind.key,
                "label": kind.label,
                "results": found[:limit],
                "more": len(found) > limit,
            }
        )
    return groups
