"""Evidence a Statement of Intent can embed from other apps (an indicator, for now), without
statements importing them: an app registers a provider in its `ready()`; the statement stores
only the provider's key, the item's reference and its name at the time (ADR 0005), and asks the
provider for the live figures and chart whenever a draft is shown or exported. When a version is
agreed its figures are frozen (`snapshot`): an agreed statement is a record of what the
partnership agreed, so data loaded later must not change what it says."""

from collections.abc import Callable
from dataclasses import dataclass, field

from actlocally.core.vega import spec_png, spec_svg


@dataclass(frozen=True)
class Evidence:
    """What the statement shows of one embedded item: its figures as labelled sentences, a
    chart (its spec for the page, image callables for the files) and a link."""

    title: str
    url: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    illustrative: bool = False
    chart_title: str = ""
    chart_description: str = ""
    chart_rows: list[list[str]] = field(default_factory=list)
    chart_columns: list[str] = field(default_factory=list)
    chart_svg: Callable[[], str] | None = None
    chart_png: Callable[[], bytes] | None = None
    # The chart's specs with their data inline (for the page, and for drawing as an image): the
    # page draws the public view for every viewer, live or frozen, and an agreed version freezes
    # it with the figures; None when there is no chart.
    chart_spec: dict | None = None
    chart_image_spec: dict | None = None
    # When the figures were frozen ("24 November 2023"); empty while they are live.
    as_at: str = ""


@dataclass(frozen=True)
class EvidenceProvider:
    key: str
    label: str
    # partnership -> [(reference, label)] the co-ordinator may choose from
    choices: Callable
    # (partnership, reference) -> Evidence, or None when it no longer exists. Figures are
    # always shown as to someone who sees suppressed tables: a statement is shared outside,
    # and the same public view is what an agreed version freezes.
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


# The fields of Evidence a snapshot keeps: everything the page and the files show.
_FROZEN = (
    "title",
    "url",
    "facts",
    "illustrative",
    "chart_title",
    "chart_description",
    "chart_columns",
    "chart_rows",
    "chart_spec",
    "chart_image_spec",
)


def snapshot(partnership, content: dict) -> dict:
    """Every embedded item's figures as they are now, keyed by its "key:reference" (None for an
    item that no longer exists), as JSON: what an agreed version keeps."""
    frozen = {}
    for row in content.get("indicators", []):
        shown = resolve(partnership, row["evidence"])
        frozen[row["evidence"]] = None if shown is None else _freeze(shown)
    return frozen


def _freeze(shown: Evidence) -> dict:
    frozen = {name: getattr(shown, name) for name in _FROZEN}
    frozen["title"] = str(shown.title)
    frozen["facts"] = [[str(label), str(text)] for label, text in shown.facts]
    frozen["chart_title"] = str(shown.chart_title)
    frozen["chart_description"] = str(shown.chart_description)
    frozen["chart_columns"] = [str(c) for c in shown.chart_columns]
    frozen["chart_rows"] = [[str(cell) for cell in row] for row in shown.chart_rows]
    return frozen


def thaw(frozen: dict, *, as_at: str) -> Evidence:
    """A snapshot shown as the evidence it froze, its chart drawn from the frozen specs."""
    image = frozen.get("chart_image_spec")
    return Evidence(
        **{name: frozen.get(name) for name in _FROZEN if name not in ("facts",)},
        facts=[(label, text) for label, text in frozen.get("facts", [])],
        chart_svg=(lambda: spec_svg(image)) if image else None,
        chart_png=(lambda: spec_png(image)) if image else None,
        as_at=as_at,
    )
