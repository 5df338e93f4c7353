"""The funnel plot of the local authority's wards (and its other public partnerships' areas)
with the partnership's own area among them, so a co-ordinator sees whether the area is an
outlier among places of its size."""

from django.utils.translation import gettext as _

from .. import statistics as st
from ..selectors import format_value
from .base import Chart, num, scale_of
from .funnel import benchmark_problem, funnel_spec, limits_at, position_words, usable

KEY = "funnel-wards"


def _judgement(position: st.FunnelPosition, polarity: str, area: str, places: str) -> str:
    """The plain-English sentence beside the coloured point: where the area lies and what it
    means, at the confidence of the limit it crosses."""
    words = {
        st.FunnelPosition.ABOVE_998: _(
            "%(area)s lies above the upper 99.8%% limit: higher than areas of its size across "
            "%(places)s, by more than chance would explain at 99.8%% confidence."
        ),
        st.FunnelPosition.ABOVE_95: _(
            "%(area)s lies above the upper 95%% limit, within the 99.8%% limit: higher than "
            "areas of its size across %(places)s, at 95%% confidence."
        ),
        st.FunnelPosition.WITHIN: _(
            "%(area)s lies within the 95%% limits: similar to areas of its size across %(places)s."
        ),
        st.FunnelPosition.BELOW_95: _(
            "%(area)s lies below the lower 95%% limit, within the 99.8%% limit: lower than "
            "areas of its size across %(places)s, at 95%% confidence."
        ),
        st.FunnelPosition.BELOW_998: _(
            "%(area)s lies below the lower 99.8%% limit: lower than areas of its size across "
            "%(places)s, by more than chance would explain at 99.8%% confidence."
        ),
    }[position] % {"area": area, "places": places}
    higher = position in (st.FunnelPosition.ABOVE_998, st.FunnelPosition.ABOVE_95)
    lower = position in (st.FunnelPosition.BELOW_998, st.FunnelPosition.BELOW_95)
    if polarity == st.Polarity.NO_JUDGEMENT or not (higher or lower):
        return words
    better = higher == (polarity == st.Polarity.HIGHER_IS_BETTER)
    return " ".join(
        (
            words,
            _("For this indicator that is better.")
            if better
            else _("For this indicator that is worse."),
        )
    )


def _kind_words(kind: str) -> str:
    return {
        "own": _("This partnership's area"),
        "ward": _("Ward"),
        "partnership": _("Another partnership's area"),
    }[kind]


def ward_funnel(page: dict, partnership, figures: list) -> Chart:
    """The authority's wards and other areas (`figures`, from chart_selectors.ward_figures) and
    the partnership's own area (its latest figure, highlighted) against the local authority's
    value for that period, with 95% and 99.8% control limits."""
    indicator = page["indicator"]
    latest = page["latest"]
    la_name = partnership.local_authority.name
    places = _("%(la)s's wards") % {"la": la_name}
    area = _("%(area)s's area") % {"area": partnership.area_name}
    title = _("%(name)s: the area among %(places)s") % {"name": indicator.name, "places": places}
    columns = [
        _("Place"),
        _("Kind"),
        _("Numerator"),
        _("Denominator"),
        _("Value"),
        _("95% limits at this size"),
        _("Position"),
    ]

    def empty(why: str, rows=(), description="") -> Chart:
        return Chart(KEY, title, description, None, columns, list(rows), why)

    if not (indicator.is_proportion or indicator.is_rate):
        return empty(_("A funnel plot needs a proportion or a rate."))
    period = latest.period if latest else None
    benchmark = page["series"].local_authority.get(period) if period else None
    b = benchmark.value if benchmark is not None else None
    problem = benchmark_problem(indicator, b, la_name)
    if problem:
        return empty(problem)
    if not figures:
        return empty(
            _(
                "A funnel of %(places)s needs figures for the authority's LSOAs, each in a ward, "
                "for %(period)s."
            )
            % {"places": places, "period": period}
        )
    title = _("%(name)s, %(period)s: the area among %(places)s") % {
        "name": indicator.name,
        "period": period,
        "places": places,
    }
    scale = scale_of(indicator)
    own = [(area, "own", latest)]
    points, rows, summary = [], [], ""
    for name, kind, e in own + [(f.name, f.kind, f.estimate) for f in figures]:
        if not usable(e):
            hidden = e is not None and e.suppressed
            rows.append(
                [
                    name,
                    _kind_words(kind),
                    _("suppressed") if hidden else "–",
                    "–",
                    _("suppressed") if hidden else "–",
                    "–",
                    _("Not drawn"),
                ]
            )
            if kind == "own":
                summary = (
                    _("%(area)s's figure is suppressed: too few to show.") % {"area": area}
                    if hidden
                    else _("%(area)s has no figure to place on the funnel.") % {"area": area}
                )
            continue
        l95, l998 = limits_at(indicator, b, e.denominator)
        position = st.funnel_position(e.value, l95, l998)
        words = position_words(position)
        if kind == "own":
            summary = _judgement(position, indicator.polarity, area, places)
        points.append(
            {
                "place": name,
                "denominator": e.denominator,
                "value": num(e.value, scale),
                "position": words,
                "highlight": kind == "own",
            }
        )
        rows.append(
            [
                name,
                _kind_words(kind),
                f"{e.numerator:,.0f}",
                f"{e.denominator:,.0f}",
                format_value(indicator, e.value),
                _("%(low)s to %(high)s")
                % {"low": format_value(indicator, l95[0]), "high": format_value(indicator, l95[1])},
                words,
            ]
        )
    description = _(
        "Funnel plot of %(n)s places: each ward's %(name)s, and %(area)s's (ringed and named), "
        "against its size, with %(la)s's value (%(value)s) and its 95%% and 99.8%% control "
        "limits. The same numbers are in the table."
    ) % {
        "n": len(points),
        "name": indicator.name,
        "area": area,
        "la": la_name,
        "value": format_value(indicator, b),
    }
    if not points:
        return empty(_("Every place's figure is suppressed."), rows, description)
    spec = funnel_spec(
        indicator,
        b,
        la_name,
        points,
        x_title=_("Size of the place (the denominator, log scale)"),
        description=description,
    )
    return Chart(KEY, title, description, spec, columns, rows, summary=summary)
