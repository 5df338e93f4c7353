"""The indicator over time ("turn the curve") and the area against its comparators."""

from django.utils.translation import gettext as _

from ..selectors import comparison_words, format_interval, format_value
from .base import (
    COMPARATOR_COLOUR,
    JUDGEMENT_COLOURS,
    PLACE_COLOURS,
    PLACE_DASHES,
    Chart,
    axis_title,
    base_spec,
    num,
    scale_of,
    suppressed_or,
)

# Trend ------------------------------------------------------------------------------------------


def trend(page: dict, partnership) -> Chart:
    """The area's figure over time with its 95% intervals, beside the local authority and
    England, with the baseline and target as lines: "turn the curve"."""
    indicator = page["indicator"]
    chosen = page["chosen"]
    series = page["series"]
    scale = scale_of(indicator)
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
            point = {"period": period, "place": name, "value": num(e.value, scale)}
            points.append(point)
            if name == partnership.area_name and e.lower is not None:
                bars.append({**point, "lower": num(e.lower, scale), "upper": num(e.upper, scale)})
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
            suppressed_or(row["area"], row["area_value"]),
            suppressed_or(row["area"], row["area_interval"]),
            suppressed_or(row["local_authority"], row["local_authority_value"]),
            suppressed_or(row["england"], row["england_value"]),
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
        "title": axis_title(indicator),
        "scale": {"zero": False},
    }
    names = [name for name, _f in places]
    layers = [
        {
            "data": {"values": bars},
            # Intervals are in the table beside the chart; a screen reader skips the marks (an
            # indicator without intervals left an empty mark group with no name, which axe flags).
            "mark": {"type": "rule", "color": PLACE_COLOURS[0], "strokeWidth": 2, "aria": False},
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
                "value": num(value, scale),
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
        **base_spec(description, illustrative=indicator.illustrative, height=280),
        "layer": layers,
    }
    return Chart("trend", title, description, spec, columns, rows)


# The area against its comparators ---------------------------------------------------------------


def comparators(page: dict, partnership) -> Chart:
    """The latest period's figure for the area, the local authority and England, each with its
    95% interval; the area's point is coloured and labelled by its comparison."""
    indicator = page["indicator"]
    series = page["series"]
    latest = page["latest"]
    scale = scale_of(indicator)
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
                suppressed_or(e, format_value(indicator, e.value) if e else ""),
                suppressed_or(e, format_interval(indicator, e)),
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
                "value": num(e.value, scale),
                "lower": num(e.lower, scale),
                "upper": num(e.upper, scale),
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
        "title": axis_title(indicator),
        "scale": {"zero": False},
    }
    domain = [comparison_words(c) for c in JUDGEMENT_COLOURS] + [_("Comparator")]
    colours = [*JUDGEMENT_COLOURS.values(), COMPARATOR_COLOUR]
    spec = {
        **base_spec(description, illustrative=indicator.illustrative, height=150),
        "data": {"values": data},
        "encoding": {"y": y},
        "layer": [
            {
                "transform": [{"filter": "datum.lower != null"}],
                # As the trend's intervals: in the table, not announced mark by mark.
                "mark": {"type": "rule", "color": "#0b0c0c", "strokeWidth": 2, "aria": False},
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
