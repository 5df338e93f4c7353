"""Reads of shared measurement, each in a fixed number of queries: a partnership's indicators
with their latest figures, intervals and judgements, and one indicator's whole series.

Figures for the partnership's own area are its own rows where it has them, else the sum of the
numerators and denominators of its LSOAs' rows. Small numbers are suppressed here, once, for
everyone who may not see them, so no page, file or API answer can forget to."""

from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Count, Q, Sum
from django.utils.translation import get_language, gettext, gettext_noop

from actlocally.authorization import has_permission

from . import statistics as st
from . import versions
from .models import ENGLAND_CODE, DataPoint, GeographyType, Indicator, PartnershipIndicator, Unit

_translated: dict[tuple[str | None, str], str] = {}


def _(message: str) -> str:
    """gettext, remembered per language. A page judging hundreds of indicators (the board
    dashboard) asks for the same few dozen sentences thousands of times, and each gettext call
    walks every catalogue; the catalogues do not change while the site runs."""
    key = (get_language(), message)
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = gettext(message)
    return found


def small_number_threshold() -> int:
    return settings.MEASUREMENT_SMALL_NUMBER_THRESHOLD


@dataclass(frozen=True)
class Estimate:
    """One figure for one place and period, with its 95% interval where one can be worked out."""

    period: str
    period_start: object
    value: float | None
    numerator: float | None = None
    denominator: float | None = None
    lower: float | None = None
    upper: float | None = None
    note: str = ""
    lsoas: int = 0  # how many LSOA rows an area figure was summed from (0: a row of its own)
    suppressed: bool = False


def interval(indicator: Indicator, numerator, denominator, confidence=st.CONFIDENCE_95):
    """The confidence interval of a figure in the indicator's unit, or (None, None)."""
    if numerator is None:
        return None, None
    if indicator.unit == Unit.COUNT:
        return st.byar_interval(numerator, confidence)
    if denominator is None or denominator <= 0:
        return None, None
    if indicator.is_proportion and numerator <= denominator:
        low, high = st.wilson_interval(numerator, denominator, confidence)
        return low * indicator.multiplier, high * indicator.multiplier
    if indicator.is_rate:
        low, high = st.byar_interval(numerator, confidence)
        return low / denominator * indicator.multiplier, high / denominator * indicator.multiplier
    return None, None  # a mean needs its standard deviation, which the data does not carry


def estimate(indicator, *, period, period_start, numerator, denominator, value, note="", lsoas=0):
    if value is None and numerator is not None:
        if indicator.unit == Unit.COUNT:
            value = numerator
        elif denominator:
            value = numerator / denominator * indicator.multiplier
    lower, upper = interval(indicator, numerator, denominator)
    return Estimate(
        period=period,
        period_start=period_start,
        value=value,
        numerator=numerator,
        denominator=denominator,
        lower=lower,
        upper=upper,
        note=note,
        lsoas=lsoas,
    )


def suppress(e: Estimate | None, *, threshold: int) -> Estimate | None:
    """The figure with its count and everything built on it hidden, when the count is small."""
    if e is None or e.numerator is None or e.numerator >= threshold:
        return e
    return replace(
        e, value=None, numerator=None, denominator=None, lower=None, upper=None, suppressed=True
    )


@dataclass
class Series:
    """An indicator's figures over time for the partnership's area and its comparators."""

    chosen: PartnershipIndicator
    area: dict[str, Estimate] = field(default_factory=dict)
    local_authority: dict[str, Estimate] = field(default_factory=dict)
    england: dict[str, Estimate] = field(default_factory=dict)

    @property
    def indicator(self) -> Indicator:
        return self.chosen.indicator

    def periods(self) -> list[tuple[str, object]]:
        seen = {}
        for figures in (self.area, self.local_authority, self.england):
            for e in figures.values():
                seen[e.period] = e.period_start
        return sorted(seen.items(), key=lambda kv: kv[1])


def series_for(partnership, chosen: list[PartnershipIndicator]) -> dict[int, Series]:
    """chosen indicator id -> its Series, in three queries whatever the number of indicators,
    periods or LSOAs; or one (the figures' version) when they are cached."""
    if not chosen:
        return {}
    parts = (
        partnership.pk,
        partnership.local_authority.code,
        sorted((c.pk, c.indicator_id) for c in chosen),
    )
    figures = versions.cached("series", parts, lambda: _figures_of(partnership, chosen))
    return {
        c.pk: Series(chosen=c, area=area, local_authority=la, england=england)
        for c in chosen
        for area, la, england in [figures[c.pk]]
    }


def _figures_of(partnership, chosen: list[PartnershipIndicator]) -> dict[int, tuple]:
    """chosen indicator id -> its (area, local authority, England) figures by period."""
    from actlocally.places.models import LSOA

    by_indicator = {c.indicator_id: Series(chosen=c) for c in chosen}
    la_code = partnership.local_authority.code
    area_codes = list(
        LSOA.objects.filter(focus_areas__partnership=partnership).values_list("code", flat=True)
    )
    own = {}
    for row in DataPoint.objects.filter(indicator_id__in=by_indicator).filter(
        Q(geography=GeographyType.AREA, code=str(partnership.pk))
        | Q(geography=GeographyType.LOCAL_AUTHORITY, code=la_code)
        | Q(geography=GeographyType.ENGLAND, code=ENGLAND_CODE)
    ):
        s = by_indicator[row.indicator_id]
        e = estimate(
            s.indicator,
            period=row.period,
            period_start=row.period_start,
            numerator=row.numerator,
            denominator=row.denominator,
            value=row.value,
            note=row.note,
        )
        target = {
            GeographyType.AREA: s.area,
            GeographyType.LOCAL_AUTHORITY: s.local_authority,
            GeographyType.ENGLAND: s.england,
        }[row.geography]
        target[row.period] = e
        if row.geography == GeographyType.AREA:
            own[(row.indicator_id, row.period)] = True
    if area_codes:
        sums = (
            DataPoint.objects.filter(
                indicator_id__in=by_indicator, geography=GeographyType.LSOA, code__in=area_codes
            )
            .values("indicator_id", "period", "period_start")
            .annotate(
                total_numerator=Sum("numerator"),
                total_denominator=Sum("denominator"),
                rows=Count("id"),
                with_numerator=Count("numerator"),
                with_denominator=Count("denominator"),
            )
        )
        for row in sums:
            if (row["indicator_id"], row["period"]) in own:
                continue
            s = by_indicator[row["indicator_id"]]
            unit = s.indicator.unit
            # A sum is only the area's figure if every row has the parts it is made of.
            complete_numerator = row["with_numerator"] == row["rows"]
            complete_denominator = row["with_denominator"] == row["rows"]
            if not complete_numerator or (unit != Unit.COUNT and not complete_denominator):
                continue
            s.area[row["period"]] = estimate(
                s.indicator,
                period=row["period"],
                period_start=row["period_start"],
                numerator=row["total_numerator"],
                denominator=row["total_denominator"] if unit != Unit.COUNT else None,
                value=None,
                lsoas=row["rows"],
            )
    return {s.chosen.pk: (s.area, s.local_authority, s.england) for s in by_indicator.values()}


# Judgements and their sentences ----------------------------------------------------------------

TAG_CLASS = {
    st.Comparison.BETTER: "govuk-tag--green",
    st.Comparison.SIMILAR: "govuk-tag--yellow",
    st.Comparison.WORSE: "govuk-tag--red",
    st.Comparison.HIGHER: "govuk-tag--blue",
    st.Comparison.LOWER: "govuk-tag--blue",
    st.Comparison.NOT_COMPARED: "govuk-tag--grey",
}


COMPARISON_WORDS = {
    st.Comparison.BETTER: gettext_noop("Better"),
    st.Comparison.SIMILAR: gettext_noop("Similar"),
    st.Comparison.WORSE: gettext_noop("Worse"),
    st.Comparison.HIGHER: gettext_noop("Higher"),
    st.Comparison.LOWER: gettext_noop("Lower"),
    st.Comparison.NOT_COMPARED: gettext_noop("Not compared"),
}


def comparison_words(result: st.Comparison) -> str:
    return _(COMPARISON_WORDS[result])


def comparison_sentence(result: st.Comparison, name: str, why_not: str = "") -> str:
    """The plain-English sentence beside every coloured judgement (never colour alone)."""
    if result == st.Comparison.BETTER:
        return _(
            "Better than %(name)s: the difference is bigger than chance would explain, at 95%% "
            "confidence."
        ) % {"name": name}
    if result == st.Comparison.WORSE:
        return _(
            "Worse than %(name)s: the difference is bigger than chance would explain, at 95%% "
            "confidence."
        ) % {"name": name}
    if result == st.Comparison.SIMILAR:
        return _(
            "Similar to %(name)s: any difference is no bigger than chance would explain, at 95%% "
            "confidence."
        ) % {"name": name}
    if result in (st.Comparison.HIGHER, st.Comparison.LOWER):
        text = (
            _("Higher than %(name)s")
            if result == st.Comparison.HIGHER
            else _("Lower than %(name)s")
        ) % {"name": name}
        return text + _(
            ": the difference is bigger than chance would explain, at 95%% confidence (this "
            "indicator is not judged better or worse)."
        )
    return _("Not compared with %(name)s: %(why)s") % {"name": name, "why": why_not}


@dataclass(frozen=True)
class Judgement:
    result: st.Comparison
    words: str
    sentence: str
    tag_class: str


def judge(area: Estimate | None, benchmark: Estimate | None, polarity: str, name: str) -> Judgement:
    if area is None:
        why = _("the area has no figure for this period.")
    elif area.suppressed:
        why = _("the numbers are too small to show.")
    elif area.lower is None:
        why = _("this figure has no confidence interval (it needs a numerator and denominator).")
    elif benchmark is None or benchmark.value is None:
        why = _("there is no figure for %(name)s for this period.") % {"name": name}
    else:
        why = ""
    result = (
        st.Comparison.NOT_COMPARED
        if why
        else st.compare(area.value, area.lower, area.upper, benchmark.value, polarity)
    )
    return Judgement(
        result, comparison_words(result), comparison_sentence(result, name, why), TAG_CLASS[result]
    )


def format_value(indicator: Indicator, value: float | None) -> str:
    if value is None:
        return ""
    unit = indicator.unit
    if unit == Unit.COUNT:
        return f"{value:,.0f}"
    if unit == Unit.PROPORTION:
        return f"{value * 100:.1f}%"
    if unit == Unit.PERCENTAGE:
        return f"{value:.1f}%"
    if unit == Unit.RATE_1000:
        return _("%(value)s per 1,000") % {"value": f"{value:,.1f}"}
    if unit == Unit.RATE_10000:
        return _("%(value)s per 10,000") % {"value": f"{value:,.1f}"}
    return f"{value:,.2f}"


def format_interval(indicator: Indicator, e: Estimate | None) -> str:
    if e is None or e.lower is None:
        return ""
    return _("%(lower)s to %(upper)s") % {
        "lower": format_value(indicator, e.lower),
        "upper": format_value(indicator, e.upper),
    }


def change_from_baseline(chosen: PartnershipIndicator, series: Series, latest: Estimate | None):
    """Whether the latest figure differs from the baseline by more than chance would explain.
    With the baseline period's own data the two intervals are combined (Newcombe's MOVER);
    with only a typed baseline value, it is treated as a benchmark."""
    indicator = chosen.indicator
    if chosen.baseline_value is None and chosen.baseline_period not in series.area:
        return None
    if latest is None or latest.suppressed or latest.lower is None:
        return {
            "sentence": _(
                "Change from the baseline not worked out: the latest figure has no interval to test it with."
            ),
            "tag_class": TAG_CLASS[st.Comparison.NOT_COMPARED],
            "words": comparison_words(st.Comparison.NOT_COMPARED),
        }
    base = series.area.get(chosen.baseline_period)
    if (
        base is not None
        and base.lower is not None
        and not base.suppressed
        and base.period != latest.period
    ):
        change = st.change_between(
            then=(base.value, base.lower, base.upper),
            now=(latest.value, latest.lower, latest.upper),
            polarity=indicator.polarity,
        )
        result = change.comparison
        baseline_value = base.value
    else:
        baseline_value = chosen.baseline_value if chosen.baseline_value is not None else base.value
        result = st.compare(
            latest.value, latest.lower, latest.upper, baseline_value, indicator.polarity
        )
    name = _("the %(period)s baseline (%(value)s)") % {
        "period": chosen.baseline_period,
        "value": format_value(indicator, baseline_value),
    }
    if result in (
        st.Comparison.BETTER,
        st.Comparison.WORSE,
        st.Comparison.HIGHER,
        st.Comparison.LOWER,
    ):
        sentence = comparison_sentence(result, name)
    else:
        sentence = comparison_sentence(st.Comparison.SIMILAR, name)
        result = st.Comparison.SIMILAR
    return {"sentence": sentence, "tag_class": TAG_CLASS[result], "words": comparison_words(result)}


TREND_SENTENCES = {
    st.Trend.INCREASING: gettext_noop(
        "Rising over the last five periods, more than chance would explain (chi-square test for trend, 99.8% confidence)."
    ),
    st.Trend.DECREASING: gettext_noop(
        "Falling over the last five periods, more than chance would explain (chi-square test for trend, 99.8% confidence)."
    ),
    st.Trend.NO_SIGNIFICANT_CHANGE: gettext_noop(
        "No significant change over the last five periods (chi-square test for trend, 99.8% confidence)."
    ),
    st.Trend.CANNOT_BE_CALCULATED: gettext_noop(
        "No trend worked out: it needs five periods of a proportion or rate, each with its numerator and denominator."
    ),
}
TREND_WORDS = {
    st.Trend.INCREASING: gettext_noop("Rising"),
    st.Trend.DECREASING: gettext_noop("Falling"),
    st.Trend.NO_SIGNIFICANT_CHANGE: gettext_noop("No significant change"),
    st.Trend.CANNOT_BE_CALCULATED: gettext_noop("No trend"),
}


def trend_of(indicator: Indicator, series: Series):
    figures = sorted(series.area.values(), key=lambda e: e.period_start)[-st.TREND_PERIODS :]
    usable = indicator.unit != Unit.COUNT and indicator.unit != Unit.MEAN
    if (
        not usable
        or len(figures) < st.TREND_PERIODS
        or any(e.numerator is None or e.denominator is None or e.suppressed for e in figures)
    ):
        result = st.TrendResult(st.Trend.CANNOT_BE_CALCULATED)
    else:
        result = st.recent_trend([e.numerator for e in figures], [e.denominator for e in figures])
    judgement = st.trend_judgement(result.trend, indicator.polarity)
    sentence = _(TREND_SENTENCES[result.trend])
    if judgement in (st.Comparison.BETTER, st.Comparison.WORSE):
        sentence = (
            _("Getting better. ") if judgement == st.Comparison.BETTER else _("Getting worse. ")
        ) + sentence
    return {
        "result": result,
        "sentence": sentence,
        "tag_class": TAG_CLASS[judgement],
        "words": _(TREND_WORDS[result.trend]),
    }


def _summary(partnership, series: Series, *, threshold: int | None) -> dict:
    indicator = series.indicator
    hide = (lambda e: suppress(e, threshold=threshold)) if threshold else (lambda e: e)
    area = {k: hide(e) for k, e in series.area.items()}
    la = {k: hide(e) for k, e in series.local_authority.items()}
    england = {k: hide(e) for k, e in series.england.items()}
    shown = Series(chosen=series.chosen, area=area, local_authority=la, england=england)
    latest = max(area.values(), key=lambda e: e.period_start, default=None)
    period = latest.period if latest else None
    la_name = partnership.local_authority.name
    return {
        "chosen": series.chosen,
        "indicator": indicator,
        "series": shown,
        "latest": latest,
        "latest_value": format_value(indicator, latest.value if latest else None),
        "latest_interval": format_interval(indicator, latest),
        "local_authority_value": format_value(indicator, la[period].value) if period in la else "",
        "england_value": format_value(indicator, england[period].value)
        if period in england
        else "",
        "vs_local_authority": judge(latest, la.get(period), indicator.polarity, la_name),
        "vs_england": judge(latest, england.get(period), indicator.polarity, _("England")),
        "change": change_from_baseline(series.chosen, shown, latest),
        "trend": trend_of(indicator, shown),
        "baseline_value": format_value(indicator, series.chosen.baseline_value),
        "target_value": format_value(indicator, series.chosen.target_value),
    }


def summarise(partnership, series: Series, *, threshold: int | None) -> dict:
    """One chosen indicator's latest figure, judgements, change and trend (no queries), with
    counts below `threshold` suppressed (None: shown). For pages built over several
    partnerships' series, such as the board dashboard."""
    return _summary(partnership, series, threshold=threshold)


def sees_small_numbers(user, partnership) -> bool:
    return has_permission(user, "measurement.view_small_numbers", partnership)


def chosen_indicators(partnership) -> list[PartnershipIndicator]:
    return list(
        PartnershipIndicator.objects.filter(partnership=partnership)
        .select_related("indicator", "indicator__owner", "focus_issue", "partnership")
        .prefetch_related("outcomes")
        .order_by("indicator__name")
    )


def indicators_page(partnership, user) -> dict:
    """Every indicator the partnership chose, with its latest figure and judgements."""
    chosen = chosen_indicators(partnership)
    series = series_for(partnership, chosen)
    threshold = None if sees_small_numbers(user, partnership) else small_number_threshold()
    rows = [_summary(partnership, series[c.pk], threshold=threshold) for c in chosen]
    return {
        "rows": rows,
        "threshold": small_number_threshold(),
        "sees_small_numbers": threshold is None,
        "any_illustrative": any(r["indicator"].illustrative for r in rows),
    }


def indicator_page(partnership, pk: int, user) -> dict | None:
    """One chosen indicator, its latest judgements and its whole series as table rows."""
    chosen = (
        PartnershipIndicator.objects.filter(partnership=partnership, pk=pk)
        .select_related("indicator", "indicator__owner", "focus_issue", "partnership")
        .prefetch_related("outcomes")
        .first()
    )
    if chosen is None:
        return None
    series = series_for(partnership, [chosen])[chosen.pk]
    threshold = None if sees_small_numbers(user, partnership) else small_number_threshold()
    summary = _summary(partnership, series, threshold=threshold)
    shown = summary["series"]
    indicator = chosen.indicator
    table = []
    for period, _start in reversed(shown.periods()):
        area = shown.area.get(period)
        la = shown.local_authority.get(period)
        england = shown.england.get(period)
        table.append(
            {
                "period": period,
                "area": area,
                "area_value": format_value(indicator, area.value if area else None),
                "area_interval": format_interval(indicator, area),
                "local_authority": la,
                "local_authority_value": format_value(indicator, la.value if la else None),
                "england": england,
                "england_value": format_value(indicator, england.value if england else None),
            }
        )
    return {
        **summary,
        "table": table,
        "threshold": small_number_threshold(),
        "sees_small_numbers": threshold is None,
    }


def outcome_links(partnership, outcome_ids: list[int]) -> dict:
    """For the theory of change: the indicators evidencing each intended outcome (one query)."""
    from actlocally.theory.links import OutcomeLink

    result: dict[int, list] = defaultdict(list)
    through = PartnershipIndicator.outcomes.through
    for link in through.objects.filter(
        intendedoutcome_id__in=outcome_ids, partnershipindicator__partnership=partnership
    ).select_related("partnershipindicator__indicator", "partnershipindicator__partnership"):
        chosen = link.partnershipindicator
        result[link.intendedoutcome_id].append(
            OutcomeLink(label=chosen.indicator.name, url=chosen.get_absolute_url())
        )
    return dict(result)


def library(partnership):
    """The local authority's indicators the partnership has not chosen yet."""
    return Indicator.objects.filter(local_authority_id=partnership.local_authority_id).exclude(
        chosen_by__partnership=partnership
    )
