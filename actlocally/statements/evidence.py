"""Evidence a Statement of Intent can embed from other apps (an indicator, for now), without
statements importing them: an app registers a provider in its `ready()`; the statement stores
only the provider's key, the item's reference and its name at the time (ADR 0005), and asks the
provider for the live figures and chart whenever it is shown or exported."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Evidence:
    """What the statement shows of one embedded item: its figures as labelled sentences, a
    chart (its spec's address for the page, image callables for the files) and a link."""

    title: str
    url: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    illustrative: bool = False
    chart_url: str = ""
    chart_title: str = ""
    chart_description: str = ""
    chart_rows: list[list[str]] = field(default_factory=list)
    chart_columns: list[str] = field(default_factory=list)
    chart_svg: Callable[[], str] | None = None
    chart_png: Callable[[], bytes] | None = None


@dataclass(frozen=True)
class EvidenceProvider:
    key: str
    label: str
    # partnership -> [(reference, label)] the co-ordinator may choose from
    choices: Callable
    # (partnership, reference) -> Evidence, or None when it no longer exists. Figures are
    # always shown as to someone who sees suppressed tables: a statement is shared outside.
    embed: Callable


_providers: dict[str, EvidenceProvider] = {}


def register_evidence_provider(*, key: str, label: str, choices: Callable, embed: Callable):
    _providers[key] = EvidenceProvider(key=key, label=label, choices=choices, embed=embed)


def choices_for(partnership) -> list[tuple[str, str]]:
    """Every item any provider offers the partnership, as ("key:reference", label)."""
    return [
        (f"{p.key}:{ref}", label)
        for p in _providers.values()
        for ref, label in p.choices(partnership)
    ]


def resolve(partnership, value: str) -> Evidence | None:
    key, _sep, ref = str(value).partition(":")
    provider = _providers.get(key)
    if provider is None or not ref:
        return None
    return provider.embed(partnership, ref)
