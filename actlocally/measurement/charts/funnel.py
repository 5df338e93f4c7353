"""The funnel plot of the partnership's LSOAs against the local authority, and the spec and
helpers it shares with the funnel of the authority's wards (ward_funnel)."""

from django.utils.translation import gettext as _

from .. import statistics as st
from ..selectors import format_value
from .base import (
    FUNNEL_POINTS,
    JUDGEMENT_COLOURS,
    Chart,
    axis_title,
    base_spec,
    num,
    scale_of,
)

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


def usable(e) -> bool:
    """Whether a figure can be drawn: a funnel needs whole people, so a denominator under one
    has no binomial to draw from."""
    return (
        e is not None
        and not e.suppressed
        and e.value is not None
        and e.numerator is not None
        and e.denominator is not None
        and e.denominator >= 1
    )


def benchmark_problem(indicator, b, la_name: str) -> str:
    """Why the local authority's value `b` can hold no funnel, or ""."""
    if b is None:
        return _("A funnel plot needs a figure for %(la)s for the same period.") % {"la": la_name}
    if (indicator.is_proportion and not 0 < b < indicator.multiplier) or b <= 0:
        return _("The figure for %(la)s leaves no room for a funnel.") % {"la": la_name}
    return ""


def limits_at(indicator, benchmark: float, denominator: float):
    """The 95% and 99.8% control limits at one size."""
    return (
        _limits(indicator, benchmark, denominator, st.CONFIDENCE_95),
        _limits(indicator, benchmark, denominator, st.CONFIDENCE_998),
    )


def _highlight_layers(points: list, x: dict, y: dict) -> list:
    """A ring and a name around the points marked `highlight` (the partnership's own area), so
    it is found by its label and shape, not by colour."""
    marked = [p for p in points if p.get("highlight")]
    if not marked:
        return []
    # The name reads away from the nearer edge, so it never runs off the chart (log scale: the
    # middle is the geometric mean of the extremes).
    sizes = [p["denominator"] for p in points]
    middle = (min(sizes) * max(sizes)) ** 0.5
    right_half = marked[0]["denominator"] > middle
    return [
        {
            "data": {"values": marked},
            "mark": {
                "type": "point",
                "filled": False,
                "size": 420,
                "stroke": "#0b0c0c",
                "strokeWidth": 3,
                "shape": "circle",
            },
            "encoding": {"x": x, "y": y},
        },
        {
            "data": {"values": marked},
            "mark": {
                "type": "text",
                "align": "right" if right_half else "left",
                "dx": -14 if right_half else 14,
                "dy": -10,
                "fontSize": 13,
                "fontWeight": "bold",
                "color": "#0b0c0c",
            },
            "encoding": {"x": x, "y": y, "text": {"field": "place"}},
        },
    ]


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
    if (indicator.is_proportion and not 0 < b < indicator.multiplier) or b <= 0:
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
    scale = scale_of(indicator)
    points, rows = [], []
    for f in figures:
        e = f.estimate
        if not usable(e):
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
                "value": num(e.value, scale),
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
    spec = funnel_spec(
        indicator,
        b,
        la_name,
        points,
        x_title=_("Size of the LSOA (the denominator, log scale)"),
        description=description,
    )
    return Chart("funnel", title, description, spec, columns, rows)


def funnel_spec(
    indicator, b: float, la_name: str, points: list, *, x_title: str, description: str
) -> dict:
    """The funnel's spec: control limits around the local authority's value `b` across the
    points' sizes, its value as a line, and the points coloured and shaped by position."""
    scale = scale_of(indicator)
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
                    "value": num(low, scale),
                }
            )
            curve.append(
                {
                    "denominator": round(n, 3),
                    "limit": name,
                    "side": "upper",
                    "value": num(high, scale),
                }
            )
    x = {
        "field": "denominator",
        "type": "quantitative",
        "title": x_title,
        "scale": {"type": "log"},
    }
    y = {
        "field": "value",
        "type": "quantitative",
        "title": axis_title(indicator),
        "scale": {"zero": False},
    }
    domain = [position_words(p) for p in st.FunnelPosition]
    spec = {
        **base_spec(description, illustrative=indicator.illustrative, height=300),
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
                        {
                            "value": num(b, scale),
                            "label": f"{la_name}: {format_value(indicator, b)}",
                        }
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
            *_highlight_layers(points, x, y),
        ],
    }
    return spec
