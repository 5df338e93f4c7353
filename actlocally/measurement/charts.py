"""Vega-Lite specs of measurement's four charts, as pure functions from the selectors' data (already
suppressed for the person looking) to a dict: the trend ("turn the curve"), the area against its
comparators, the spine chart of the partnership's indicators and the funnel plot of its LSOAs.

Each function returns a `Chart`: the spec, and the same numbers as table rows for the page and
its CSV, so a chart never stands alone. Colour is never the only signal: lines differ by dash,
judgements are written beside each point. Nothing in a spec points at a URL: the data is inline,
so the browser and vl-convert (for PDF and Word) draw the same thing without fetching anything.
"""

import statistics as pystats
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from . import statistics as st
from .models import Unit
from .selectors import comparison_words, format_interval, format_value

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
    numbers as a table."""

    key: str
    title: str
    description: str
    spec: dict | None
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    empty: str = ""


def _scale(indicator) -> int:
    """Charts show proportions as percentages, as the tables do."""
    return 100 if indicator.unit == Unit.PROPORTION else 1


def _axis_title(indicator) -> str:
    if indicator.unit in (Unit.PROPORTION, Unit.PERCENTAGE):
        return _("Per cent")
    return indicator.get_unit_display()


def _base(description: str, *, illustrative: bool, height: int) -> dict:
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
            "legend": {"labelFontSize": 12, "titleFontSize": 13, "orient": "bottom"},
            "view": {"stroke": None},
        },
    }


def _n(value: float | None, scale: int = 1) -> float | None:
    return None if value is None else round(value * scale, 6)


# Trend ------------------------------------------------------------------------------------------


def trend(page: dict, partnership) -> Chart:
    """The area's figure over time with its 95% intervals, beside the local authority and
    England, with the baseline and target as lines: "turn the curve"."""
    indicator = page["indicator"]
    chosen = page["chosen"]
    series = page["series"]
    scale = _scale(indicator)
    places = [
        (partnership.area_name, series.area),
        (partnership.local_authority.name, series.local_authority),
        (_("England"), series.england),
    ]
    periods = [p for p, _start in series.periods()]
    points, bars = [], []
    for name, figures in places:
        for period in periods:
            e = figures.get(period)
            if e is None or e.value is None:  # suppressed figures have no value: never drawn
                continue
            point = {"period": period, "place": name, "value": _n(e.value, scale)}
            points.append(point)
            if name == partnership.area_name and e.lower is not None:
                bars.append({**point, "lower": _n(e.lower, scale), "upper": _n(e.upper, scale)})
    title = _("%(name)s over time") % {"name": indicator.name}
    description = _(
        "Line chart of %(name)s by period for %(area)s, %(la)s and England, with the area's 95%% "
        "confidence intervals, baseline and target. The same numbers are in the table."
    ) % {
        "name": indicator.name,
        "area": partnership.area_name,
        "la": partnership.local_authority.name,
    }
    rows = [
        [
            row["period"],
            _suppressed_or(row["area"], row["area_value"]),
            _suppressed_or(row["area"], row["area_interval"]),
            _suppressed_or(row["local_authority"], row["local_authority_value"]),
            _suppressed_or(row["england"], row["england_value"]),
        ]
        for row in page["table"]
    ]
    columns = [
        _("Period"),
        partnership.area_name,
        _("95% confidence interval"),
        partnership.local_authority.name,
        _("England"),
    ]
    if not points:
        return Chart("trend", title, description, None, columns, rows, _("No figures to draw yet."))
    x = {
        "field": "period",
        "type": "ordinal",
        "sort": periods,
        "title": _("Period"),
        "axis": {"labelAngle": 0},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": _axis_title(indicator),
        "scale": {"zero": False},
    }
    names = [name for name, _f in places]
    layers = [
        {
            "data": {"values": bars},
            "mark": {"type": "rule", "color": PLACE_COLOURS[0], "strokeWidth": 2},
            "encoding": {"x": x, "y": {**y, "field": "lower"}, "y2": {"field": "upper"}},
        },
        {
            "data": {"values": points},
            "mark": {"type": "line", "point": {"filled": True, "size": 50}, "strokeWidth": 2},
            "encoding": {
                "x": x,
                "y": y,
                "color": {
                    "field": "place",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": names, "range": PLACE_COLOURS},
                },
                "strokeDash": {
                    "field": "place",
                    "type": "nominal",
                    "title": None,
                    "scale": {"domain": names, "range": PLACE_DASHES},
                },
            },
        },
    ]
    baseline = chosen.baseline_value
    if baseline is None and chosen.baseline_period in series.area:
        baseline = series.area[chosen.baseline_period].value
    for value, label in (
        (baseline, _("Baseline %(period)s") % {"period": chosen.baseline_period}),
        (chosen.target_value, _("Target %(period)s") % {"period": chosen.target_period}),
    ):
        if value is None:
            continue
        marker = [
            {
                "value": _n(value, scale),
                "label": f"{label.strip()}: {format_value(indicator, value)}",
            }
        ]
        layers.append(
            {
                "data": {"values": marker},
                "mark": {"type": "rule", "strokeDash": [8, 4], "color": "#6f777b"},
                "encoding": {"y": {"field": "value", "type": "quantitative"}},
            }
        )
        layers.append(
            {
                "data": {"values": marker},
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 4,
                    "dy": -7,
                    "fontSize": 12,
                    "color": "#0b0c0c",
                },
                "encoding": {
                    "y": {"field": "value", "type": "quantitative"},
                    "x": {"value": 0},
                    "text": {"field": "label"},
                },
            }
        )
    spec = {
        **_base(description, illustrative=indicator.illustrative, height=280),
        "layer": layers,
    }
    return Chart("trend", title, description, spec, columns, rows)


def _suppressed_or(e, text: str) -> str:
    if e is not None and e.suppressed:
        return _("suppressed")
    return text or "–"


# The area against its comparators ---------------------------------------------------------------


def comparators(page: dict, partnership) -> Chart:
    """The latest period's figure for the area, the local authority and England, each with its
    95% interval; the area's point is coloured and labelled by its comparison."""
    indicator = page["indicator"]
    series = page["series"]
    latest = page["latest"]
    scale = _scale(indicator)
    title = _("%(name)s: the area against its comparators") % {"name": indicator.name}
    columns = [_("Place"), _("Value"), _("95% confidence interval"), _("Compared with the area")]
    if latest is None:
        return Chart("comparators", title, "", None, columns, [], _("No figures to draw yet."))
    period = latest.period
    title = _("%(name)s, %(period)s: the area against its comparators") % {
        "name": indicator.name,
        "period": period,
    }
    judged = page["vs_local_authority"]
    places = [
        (partnership.area_name, latest, ""),
        (partnership.local_authority.name, series.local_authority.get(period), judged.sentence),
        (_("England"), series.england.get(period), page["vs_england"].sentence),
    ]
    data, rows = [], []
    for name, e, sentence in places:
        rows.append(
            [
                name,
                _suppressed_or(e, format_value(indicator, e.value) if e else ""),
                _suppressed_or(e, format_interval(indicator, e)),
                sentence,
            ]
        )
        if e is None or e.value is None:
            continue
        is_area = name == partnership.area_name
        words = judged.words if is_area else _("Comparator")
        data.append(
            {
                "place": name,
                "value": _n(e.value, scale),
                "lower": _n(e.lower, scale),
                "upper": _n(e.upper, scale),
                "judgement": words,
                "label": format_value(indicator, e.value) + (f" ({words})" if is_area else ""),
            }
        )
    description = _(
        "Dot chart of %(name)s in %(period)s for %(places)s with 95%% confidence intervals. "
        "%(sentence)s The same numbers are in the table."
    ) % {
        "name": indicator.name,
        "period": period,
        "places": ", ".join(p[0] for p in places),
        "sentence": judged.sentence,
    }
    if not data:
        return Chart(
            "comparators", title, description, None, columns, rows, _("The figures are suppressed.")
        )
    y = {"field": "place", "type": "nominal", "sort": [p[0] for p in places], "title": None}
    x = {
        "field": "value",
        "type": "quantitative",
        "title": _axis_title(indicator),
        "scale": {"zero": False},
    }
    domain = [comparison_words(c) for c in JUDGEMENT_COLOURS] + [_("Comparator")]
    colours = [*JUDGEMENT_COLOURS.values(), COMPARATOR_COLOUR]
    spec = {
        **_base(description, illustrative=indicator.illustrative, height=150),
        "data": {"values": data},
        "encoding": {"y": y},
        "layer": [
            {
                "transform": [{"filter": "datum.lower != null"}],
                "mark": {"type": "rule", "color": "#0b0c0c", "strokeWidth": 2},
                "encoding": {"x": {**x, "field": "lower"}, "x2": {"field": "upper"}},
            },
            {
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 160,
                    "stroke": "#0b0c0c",
                    "strokeWidth": 1,
                    "opacity": 1,
                },
                "encoding": {
                    "x": x,
                    "color": {
                        "field": "judgement",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": domain, "range": colours},
                        "legend": None,
                    },
                },
            },
            {
                "mark": {"type": "text", "dy": -14, "fontSize": 12, "color": "#0b0c0c"},
                "encoding": {"x": x, "text": {"field": "label"}},
            },
        ],
    }
    return Chart("comparators", title, description, spec, columns, rows)


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
                _suppressed_or(latest, row["latest_value"]),
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
        "axis": {"labelLimit": 220},
    }
    x = {
        "type": "quantitative",
        "scale": {"domain": [-1.15, 1.15]},
        "axis": {"labels": False, "ticks": False, "grid": False},
        "title": _("← Worse (or lower) · centre: %(la)s · Better (or higher) →") % {"la": la},
    }
    domain = [comparison_words(c) for c in JUDGEMENT_COLOURS]
    spec = {
        **_base(description, illustrative=any_illustrative, height=max(60, 46 * len(placed))),
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
                "mark": {"type": "rule", "color": "#0b0c0c", "strokeWidth": 2},
                "encoding": {"x": {"datum": 0, "type": "quantitative"}},
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
                "mark": {"type": "text", "dy": -15, "fontSize": 11, "color": "#0b0c0c"},
                "encoding": {"x": {**x, "field": "value"}, "text": {"field": "label"}},
            },
        ],
    }
    return Chart("spine", title, description, spec, columns, rows)


# Funnel plot ------------------------------------------------------------------------------------


def _limits(indicator, benchmark: float, denominator: float, confidence: float):
    """Control limits in the indicator's own units."""
    if indicator.is_proportion:
        low, high = st.funnel_limits_proportion(
            benchmark / indicator.multiplier, denominator, confidence
        )
        return low * indicator.multiplier, high * indicator.multiplier
    return st.funnel_limits_rate(benchmark, denominator, confidence, indicator.multiplier)


def position_words(position: st.FunnelPosition) -> str:
    return {
        st.FunnelPosition.ABOVE_998: _("Above the 99.8% limit"),
        st.FunnelPosition.ABOVE_95: _("Above the 95% limit"),
        st.FunnelPosition.WITHIN: _("Within the 95% limits"),
        st.FunnelPosition.BELOW_95: _("Below the 95% limit"),
        st.FunnelPosition.BELOW_998: _("Below the 99.8% limit"),
    }[position]


def _position_colours(polarity: str) -> list[str]:
    good, bad = JUDGEMENT_COLOURS[st.Comparison.BETTER], JUDGEMENT_COLOURS[st.Comparison.WORSE]
    if polarity == st.Polarity.LOWER_IS_BETTER:
        good, bad = bad, good
    elif polarity == st.Polarity.NO_JUDGEMENT:
        good, bad = JUDGEMENT_COLOURS[st.Comparison.HIGHER], JUDGEMENT_COLOURS[st.Comparison.LOWER]
    return [good, good, "#ffffff", bad, bad]


def funnel(page: dict, partnership, figures: list) -> Chart:
    """The partnership's LSOAs against the local authority's value for the latest period, with
    95% and 99.8% control limits (exact binomial for proportions, exact Poisson for rates)."""
    indicator = page["indicator"]
    latest = page["latest"]
    la_name = partnership.local_authority.name
    title = _("%(name)s: the area's LSOAs against %(la)s") % {"name": indicator.name, "la": la_name}
    columns = [
        _("LSOA"),
        _("Numerator"),
        _("Denominator"),
        _("Value"),
        _("95% limits at this size"),
        _("Position"),
    ]
    if not (indicator.is_proportion or indicator.is_rate):
        return Chart(
            "funnel", title, "", None, columns, [], _("A funnel plot needs a proportion or a rate.")
        )
    period = latest.period if latest else None
    benchmark = page["series"].local_authority.get(period) if period else None
    if benchmark is None or benchmark.value is None or not figures:
        return Chart(
            "funnel",
            title,
            "",
            None,
            columns,
            [],
            _(
                "A funnel plot needs the area's LSOA figures and a figure for %(la)s for the same period."
            )
            % {"la": la_name},
        )
    b = benchmark.value
    if indicator.is_proportion and not 0 < b < indicator.multiplier:
        return Chart(
            "funnel",
            title,
            "",
            None,
            columns,
            [],
            _("The figure for %(la)s leaves no room for a funnel.") % {"la": la_name},
        )
    title = _("%(name)s, %(period)s: the area's LSOAs against %(la)s") % {
        "name": indicator.name,
        "period": period,
        "la": la_name,
    }
    scale = _scale(indicator)
    points, rows = [], []
    for f in figures:
        e = f.estimate
        usable = (
            not e.suppressed and e.value is not None and e.numerator is not None and e.denominator
        )
        if not usable:
            rows.append(
                [
                    f"{f.name} ({f.code})",
                    _("suppressed") if e.suppressed else "–",
                    "–",
                    _("suppressed") if e.suppressed else "–",
                    "–",
                    _("Not drawn"),
                ]
            )
            continue
        l95 = _limits(indicator, b, e.denominator, st.CONFIDENCE_95)
        l998 = _limits(indicator, b, e.denominator, st.CONFIDENCE_998)
        words = position_words(st.funnel_position(e.value, l95, l998))
        points.append(
            {
                "place": f.name or f.code,
                "denominator": e.denominator,
                "value": _n(e.value, scale),
                "position": words,
            }
        )
        rows.append(
            [
                f"{f.name} ({f.code})",
                f"{e.numerator:,.0f}",
                f"{e.denominator:,.0f}",
                format_value(indicator, e.value),
                _("%(low)s to %(high)s")
                % {"low": format_value(indicator, l95[0]), "high": format_value(indicator, l95[1])},
                words,
            ]
        )
    description = _(
        "Funnel plot of %(n)s LSOAs: each LSOA's %(name)s against its size, with %(la)s's value "
        "(%(value)s) and its 95%% and 99.8%% control limits. The same numbers are in the table."
    ) % {
        "n": len(points),
        "name": indicator.name,
        "la": la_name,
        "value": format_value(indicator, b),
    }
    if not points:
        return Chart(
            "funnel",
            title,
            description,
            None,
            columns,
            rows,
            _("Every LSOA's figure is suppressed."),
        )
    smallest = min(p["denominator"] for p in points) * 0.8
    largest = max(p["denominator"] for p in points) * 1.2
    curve = []
    for i in range(FUNNEL_POINTS + 1):
        n = smallest * (largest / smallest) ** (i / FUNNEL_POINTS)
        for confidence, name in (
            (st.CONFIDENCE_95, _("95% limits")),
            (st.CONFIDENCE_998, _("99.8% limits")),
        ):
            low, high = _limits(indicator, b, n, confidence)
            curve.append(
                {
                    "denominator": round(n, 3),
                    "limit": name,
                    "side": "lower",
                    "value": _n(low, scale),
                }
            )
            curve.append(
                {
                    "denominator": round(n, 3),
                    "limit": name,
                    "side": "upper",
                    "value": _n(high, scale),
                }
            )
    x = {
        "field": "denominator",
        "type": "quantitative",
        "title": indicator.denominator_definition[:60] or _("Denominator"),
        "scale": {"type": "log"},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": _axis_title(indicator),
        "scale": {"zero": False},
    }
    domain = [position_words(p) for p in st.FunnelPosition]
    spec = {
        **_base(description, illustrative=indicator.illustrative, height=300),
        "layer": [
            {
                "data": {"values": curve},
                "mark": {"type": "line", "color": "#505a5f", "strokeWidth": 1.5},
                "encoding": {
                    "x": x,
                    "y": y,
                    "detail": {"field": "side"},
                    "strokeDash": {
                        "field": "limit",
                        "type": "nominal",
                        "title": None,
                        "scale": {"range": [[6, 4], [1, 0]]},
                    },
                },
            },
            {
                "data": {
                    "values": [
                        {"value": _n(b, scale), "label": f"{la_name}: {format_value(indicator, b)}"}
                    ]
                },
                "mark": {"type": "rule", "color": "#0b0c0c", "strokeWidth": 2},
                "encoding": {"y": {"field": "value", "type": "quantitative"}},
            },
            {
                "data": {"values": points},
                "mark": {
                    "type": "point",
                    "filled": True,
                    "size": 70,
                    "stroke": "#0b0c0c",
                    "strokeWidth": 1,
                    "opacity": 1,
                },
                "encoding": {
                    "x": x,
                    "y": y,
                    "color": {
                        "field": "position",
                        "type": "nominal",
                        "title": None,
                        "scale": {"domain": domain, "range": _position_colours(indicator.polarity)},
                    },
                    "shape": {
                        "field": "position",
                        "type": "nominal",
                        "title": None,
                        "scale": {
                            "domain": domain,
                            "range": [
                                "triangle-up",
                                "triangle-up",
                                "circle",
                                "triangle-down",
                                "triangle-down",
                            ],
                        },
                    },
                },
            },
        ],
    }
    return Chart("funnel", title, description, spec, columns, rows)


def spec_or_empty(chart: Chart) -> dict:
    """The chart's spec, or one that draws nothing and says why (the page shows the same words)."""
    if chart.spec is not None:
        return chart.spec
    return {
        **_base(chart.empty, illustrative=False, height=40),
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
