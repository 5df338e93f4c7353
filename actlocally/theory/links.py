"""What hangs off each outcome of a theory of change, contributed by other apps.

The theory of change does not know about actions or indicators. Each app that links things to an
intended outcome registers a provider here from its AppConfig.ready(): the action plan does now,
and shared measurement will register its indicators the same way (key "indicators"), so they
appear under each outcome of the diagram without changing this app.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class OutcomeLink:
    """One thing linked to an outcome, as the diagram shows it."""

    label: str
    url: str
    status: str = ""  # a status key for the tag, e.g. "at_risk"; empty for none
    status_label: str = ""


# Takes the partnership and the ids of intended outcomes; returns outcome id -> its links.
Provider = Callable[[object, list[int]], dict[int, list[OutcomeLink]]]


@dataclass(frozen=True)
class LinkKind:
    key: str
    label: str | Promise
    provider: Provider


_KINDS: dict[str, LinkKind] = {}


def register_outcome_links(*, key: str, label, provider: Provider) -> None:
    _KINDS[key] = LinkKind(key=key, label=label, provider=provider)


def links_for(partnership, outcome_ids: Iterable[int]) -> dict[int, list[dict]]:
    """outcome id -> [{"kind": LinkKind, "links": [OutcomeLink, ...]}], one query per kind."""
    ids = list(outcome_ids)
    result: dict[int, list[dict]] = {pk: [] for pk in ids}
    if not ids:
        return result
    for kind in sorted(_KINDS.values(), key=lambda k: k.key):
        found = kind.provider(partnership, ids)
        for pk in ids:
            result[pk].append({"kind": kind, "links": found.get(pk, [])})
    return result
