"""What every chart shares: the `Chart` (a spec and its numbers as a table), the colours, the
common spec settings, and the spec for drawing off the page."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .. import statistics as st
from ..models import Unit

SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier: never fetched
FONT = "Arial, Liberation Sans, DejaVu Sans, sans-serif"
# GOV.UK colours: blue for the area, dark grey and black for the comparators.
PLACE_COLOURS = ["#1d70b8", "#505a5f", "#0b0c0c"]
PLACE_DASHES = [[1, 0], [6, 4], [2, 3]]
JUDGEMENT_COLOURS = {
    st.Comparison.BETTER: "#00703c",
    st.Comparison.SIMILAR: "#ffdd00",
    st.Comparison.WORSE: "#d4351c",
    st.Comparison.HIGHER: "#1d70b8",
    st.Comparison.LOWER: "#5694ca",
    st.Comparison.NOT_COMPARED: "#ffffff",
}
COMPARATOR_COLOUR = "#b1b4b6"
FUNNEL_POINTS = 40


@dataclass
class Chart:
    """A chart's spec (None when there is nothing to draw, with `empty` saying why) and its
    numbers as a table; `summary` is the chart's judgement in a sentence, where it has one."""

    key: str
    title: str
    description: str
    spec: dict | None
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    empty: str = ""
    summary: str = ""

    @property
    def labelled_rows(self) -> list[list[tuple[str, str]]]:
        """Each row's cells with their column's name, for a table that stacks on a phone."""
        return [list(zip(self.columns, row, strict=False)) for row in self.rows]


def scale_of(indicator) -> int:
    """Charts show proportions as percentages, as the tables do."""
    return 100 if indicator.unit == Unit.PROPORTION else 1


def axis_title(indicator) -> str:
    if indicator.unit in (Unit.PROPORTION, Unit.PERCENTAGE):
        return _("Per cent")
    return indicator.get_unit_display()


def base_spec(description: str, *, illustrative: bool, height: int) -> dict:
    """What every spec shares. The page's heading names the chart, so the spec's title says only
    that the values are illustrative, where they are (`for_image` adds the name for exports)."""
    note = _("Illustrative: made-up demonstration values, not real data.") if illustrative else ""
    return {
        "$schema": SCHEMA,
        "title": {"text": note, "anchor": "start", "fontSize": 13, "fontWeight": "normal"},
        "description": description,
        "width": "container",
        "height": height,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "background": "white",
        "config": {
            "font": FONT,
            "axis": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "labelColor": "#0b0c0c",
                "tickCount": 6,
            },
            # One entry a line: a row of entries runs off a phone's screen.
            "legend": {
                "labelFontSize": 12,
                "titleFontSize": 13,
                "orient": "bottom",
                "direction": "vertical",
            },
            "view": {"stroke": None},
        },
    }


def num(value: float | None, scale: int = 1) -> float | None:
    return None if value is None else round(value * scale, 6)


def suppressed_or(e, text: str) -> str:
    if e is not None and e.suppressed:
        return _("suppressed")
    return text or "–"


def spec_or_empty(chart: Chart) -> dict:
    """The chart's spec, or one that draws nothing and says why (the page shows the same words)."""
    if chart.spec is not None:
        return chart.spec
    return {
        **base_spec(chart.empty, illustrative=False, height=40),
        "title": {"text": chart.empty, "anchor": "start", "fontSize": 13, "fontWeight": "normal"},
        "data": {"values": []},
        "mark": "point",
    }


def for_image(chart: Chart, *, width: int = 640) -> dict:
    """The chart's spec for drawing off the page: a fixed width (there is no container to fit)
    and its name as the title, with the illustrative note under it."""
    spec = chart.spec
    note = spec["title"]["text"]
    return {
        **spec,
        "title": {
            "text": chart.title,
            "subtitle": [note] if note else [],
            "anchor": "start",
            "fontSize": 15,
            "subtitleFontSize": 12,
        },
        "width": width,
        "autosize": {"type": "fit", "contains": "padding"},
    }
