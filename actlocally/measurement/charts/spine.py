"""The spine chart of the partnership's indicators, as Fingertips draws it."""

import statistics as pystats

from django.utils.translation import gettext as _

from .. import statistics as st
from ..selectors import comparison_words, format_value
from .base import (
    JUDGEMENT_COLOURS,
    Chart,
    base_spec,
    suppressed_or,
)

# Spine chart ------------------------------------------------------------------------------------


def spine_rows(rows: list[dict], ranges: dict[int, list[float]]) -> list[dict]:
    """Each indicator's figure placed against the range of the local authority's LSOAs, as
    Fingertips' spine chart does: the local authority's value at the centre (0), the LSOA
    furthest from it at the edge (1 or -1), better to the right where polarity says which way
    is better. Indicators without a local authority figure or an area figure are left out."""
    placed = []
    for row in rows:
        latest = row["latest"]
        if latest is None or latest.value is None:
            continue
        la = row["series"].local_authority.get(latest.period)
        if la is None or la.value is None:
            continue
        indicator = row["indicator"]
        centre = la.value
        values = ranges.get(row["chosen"].pk, [])
        spread = max((abs(v - centre) for v in [*values, latest.value]), default=0) or 1
        sign = -1 if indicator.polarity == st.Polarity.LOWER_IS_BETTER else 1

        def at(v, centre=centre, spread=spread, sign=sign):
            return round(sign * (v - centre) / spread, 6)

        lo, hi = (at(min(values)), at(max(values))) if values else (None, None)
        q1 = q3 = None
        if len(values) >= 2:
            quartiles = pystats.quantiles(values, n=4)
            q1, q3 = sorted((at(quartiles[0]), at(quartiles[2])))
        judgement = row["vs_local_authority"]
        placed.append(
            {
                "indicator": indicator.name,
                "low": None if lo is None else min(lo, hi),
                "high": None if hi is None else max(lo, hi),
                "q1": q1,
                "q3": q3,
                "value": at(latest.value),
                "judgement": judgement.words,
                "label": f"{row['latest_value']} ({judgement.words})",
                "areas": len(values),
            }
        )
    return placed


def spine(page: dict, partnership, ranges: dict[int, list[float]]) -> Chart:
    """The partnership's indicators on one spine: each against the range of the local
    authority's LSOAs, centred on the local authority's value."""
    la = partnership.local_authority.name
    title = _("%(area)s's indicators against %(la)s") % {"area": partnership.area_name, "la": la}
    placed = spine_rows(page["rows"], ranges)
    by_name = {p["indicator"]: p for p in placed}
    columns = [
        _("Indicator"),
        _("Period"),
        partnership.area_name,
        la,
        _("LSOAs in %(la)s: lowest to highest") % {"la": la},
        _("Compared with %(la)s") % {"la": la},
    ]
    rows = []
    for row in page["rows"]:
        latest = row["latest"]
        values = ranges.get(row["chosen"].pk, [])
        indicator = row["indicator"]
        span = (
            _("%(low)s to %(high)s")
            % {
                "low": format_value(indicator, min(values)),
                "high": format_value(indicator, max(values)),
            }
            if values
            else "–"
        )
        rows.append(
            [
                indicator.name + (" " + _("(illustrative)") if indicator.illustrative else ""),
                latest.period if latest else "–",
                suppressed_or(latest, row["latest_value"]),
                row["local_authority_value"] or "–",
                span,
                row["vs_local_authority"].sentence
                if indicator.name in by_name
                else _("Not drawn: it needs a figure for the area and for %(la)s.") % {"la": la},
            ]
        )
    description = _(
        "Spine chart of %(n)s indicators. Each is drawn against the range of %(la)s's LSOAs "
        "(light bar: lowest to highest; dark bar: the middle half), centred on %(la)s's value; "
        "better is to the right where the indicator says which way is better. The same numbers "
        "are in the table."
    ) % {"n": len(placed), "la": la}
    if not placed:
        return Chart(
            "spine",
            title,
            description,
            None,
            columns,
            rows,
            _("No indicator has figures for the area and for %(la)s yet.") % {"la": la},
        )
    any_illustrative = any(r["indicator"].illustrative for r in page["rows"])
    y = {
        "field": "indicator",
        "type": "nominal",
        "title": None,
        "sort": None,
        # Names are written above their rows instead (they would take half a phone's width).
        "axis": None,
    }
    x = {
        "type": "quantitative",
        "scale": {"domain": [-1.15, 1.15]},
        "axis": {"labels": False, "ticks": False, "grid": False},
        "title": _("← Worse · %(la)s · Better →") % {"la": la},
    }
    domain = [comparison_words(c) for c in JUDGEMENT_COLOURS]
    spec = {
        **base_spec(description, illustrative=any_illustrative, height=max(70, 70 * len(placed))),
        "data": {"values": placed},
        "encoding": {"y": y},
        "layer": [
            {
                "transform": [{"filter": "datum.low != null"}],
                "mark": {"type": "bar", "color": "#dee0e2", "height": 16},
                "encoding": {"x": {**x, "field": "low"}, "x2": {"field": "high"}},
            },
            {
                "transform": [{"filter": "datum.q1 != null"}],
                "mark": {"type": "bar", "color": "#8c9196", "height": 16},
                "encoding": {"x": {**x, "field": "q1"}, "x2": {"field": "q3"}},
            },
            {
                # The centre line is decoration for the eye: the table and sentences say it.
                "mark": {"type": "rule", "color": "#0b0c0c", "strokeWidth": 2, "aria": False},
                "encoding": {
                    "x": {"datum": 0, "type": "quantitative"},
                    "y": {"value": 0},
                    "y2": {"value": "height"},
                },
            },
            {
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 170,
                    "shape": "circle",
                    "stroke": "#0b0c0c",
                    "strokeWidth": 1,
                    "opacity": 1,
                },
                "encoding": {
                    "x": {**x, "field": "value"},
                    "color": {
                        "field": "judgement",
                        "type": "nominal",
                        "title": _("Compared with %(la)s") % {"la": la},
                        "scale": {"domain": domain, "range": list(JUDGEMENT_COLOURS.values())},
                    },
                },
            },
            {
                "mark": {"type": "text", "dy": 20, "fontSize": 11, "color": "#0b0c0c"},
                "encoding": {"x": {**x, "field": "value"}, "text": {"field": "label"}},
            },
            {
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dy": -20,
                    "fontSize": 12,
                    "fontWeight": "bold",
                    "color": "#0b0c0c",
                },
                "encoding": {
                    "x": {"datum": -1.15, "type": "quantitative"},
                    "text": {"field": "indicator"},
                },
            },
        ],
    }
    return Chart("spine", title, description, spec, columns, rows)
