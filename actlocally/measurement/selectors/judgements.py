"""Judgements and their sentences: comparisons with a benchmark, change from the baseline and
the recent trend, coloured by polarity and always said in words, and one indicator's summary."""

from dataclasses import dataclass

from django.utils.translation import get_language, gettext, gettext_noop

from .. import statistics as st
from ..models import Indicator, PartnershipIndicator, Unit
from .figures import Estimate, Series, suppress

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
        # The message has "%%" (it is a format string), so it is formatted, with nothing, to
        # show one "%".
        return (
            text
            + _(
                ": the difference is bigger than chance would explain, at 95%% confidence (this "
                "indicator is not judged better or worse)."
            )
            % {}
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
    elif area.lower is None and not area.counts_people:
        # A mean of small areas' scores: the data carries no spread to build an interval from.
        why = _(
            "an average of small areas' scores has no confidence interval, so no difference can "
            "be tested (compare the figures themselves)."
        )
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
