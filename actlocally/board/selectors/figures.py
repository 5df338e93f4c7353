"""The board dashboard's measurement figures: every partnership's chosen indicators built at
once (measurement's own `series_for` reads one partnership), then judged by measurement's own
functions, so the dashboard and the partnership's measurement page can never disagree; cached
under a version of the figures."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy

from actlocally.measurement import statistics as st
from actlocally.measurement import versions
from actlocally.measurement.models import (
    ENGLAND_CODE,
    DataPoint,
    GeographyType,
    Indicator,
    PartnershipIndicator,
    Unit,
)
from actlocally.measurement.selectors import TAG_CLASS, Series, estimate, summarise
from actlocally.partnerships.models import Partnership
from actlocally.places.models import FocusArea

from ..rows import indicator_rows


@dataclass(frozen=True)
class RowsHtml:
    """A partnership's indicator rows as the page shows them, cached with the summaries."""

    html: str
    has_indicators: bool
    any_illustrative: bool


def rows_html(summaries: list[dict], words: dict) -> RowsHtml:
    return RowsHtml(
        html=indicator_rows(summaries, words),
        has_indicators=bool(summaries),
        any_illustrative=any(i["indicator"].illustrative for i in summaries),
    )


# Measurement -----------------------------------------------------------------------------------


def _area_sums(indicator_ids, partnership_ids) -> list[tuple]:
    """The sums of each partnership's focus-area LSOA rows, per indicator and period, in one
    grouped query: (partnership, indicator, period, period start, numerator, denominator, rows,
    rows with a numerator, rows with a denominator). DataPoint.code is not a foreign key, so the
    join to the focus areas' LSOAs is written in SQL."""
    if not indicator_ids or not partnership_ids:
        return []
    through = FocusArea.lsoas.through
    lsoa = through._meta.get_field("lsoa").related_model
    dp = DataPoint._meta.db_table
    la = lsoa._meta.db_table
    th = through._meta.db_table
    fa = FocusArea._meta.db_table
    in_indicators = ", ".join(["%s"] * len(indicator_ids))
    in_partnerships = ", ".join(["%s"] * len(partnership_ids))
    # Table names come from the models and every value is a parameter: nothing typed reaches SQL.
    sql = (
        f"SELECT fa.partnership_id, dp.indicator_id, dp.period, dp.period_start, "  # noqa: S608
        f"SUM(dp.numerator), SUM(dp.denominator), COUNT(dp.id), COUNT(dp.numerator), "
        f"COUNT(dp.denominator) "
        f"FROM {dp} dp JOIN {la} l ON l.code = dp.code "
        f"JOIN {th} t ON t.lsoa_id = l.id JOIN {fa} fa ON fa.id = t.focusarea_id "
        f"WHERE dp.geography = %s AND dp.indicator_id IN ({in_indicators}) "
        f"AND fa.partnership_id IN ({in_partnerships}) "
        f"GROUP BY fa.partnership_id, dp.indicator_id, dp.period, dp.period_start"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [GeographyType.LSOA.value, *indicator_ids, *partnership_ids])
        return cursor.fetchall()


def series_for_partnerships(partnerships: list[Partnership], chosen) -> dict[int, Series]:
    """chosen indicator id -> its Series for its own partnership, for many partnerships at once
    (2 queries), by the same rules as measurement's `series_for`: the area's own rows where it
    has them, else its LSOAs' sums when every row has its parts."""
    by_key = {(c.partnership_id, c.indicator_id): Series(chosen=c) for c in chosen}
    if not by_key:
        return {}
    by_indicator = defaultdict(list)
    for (_p, indicator_id), s in by_key.items():
        by_indicator[indicator_id].append(s)
    la_codes = {p.local_authority.code for p in partnerships}
    partnership_ids = [p.pk for p in partnerships]
    la_of = {p.pk: p.local_authority.code for p in partnerships}
    own = set()
    # Plain tuples, not model instances: thousands of rows are read for one page.
    for indicator_id, geography, code, period, start, numerator, denominator, value, note in (
        DataPoint.objects.filter(indicator_id__in=list(by_indicator))
        .filter(
            Q(geography=GeographyType.AREA, code__in=[str(pk) for pk in partnership_ids])
            | Q(geography=GeographyType.LOCAL_AUTHORITY, code__in=la_codes)
            | Q(geography=GeographyType.ENGLAND, code=ENGLAND_CODE)
        )
        .values_list(
            "indicator_id",
            "geography",
            "code",
            "period",
            "period_start",
            "numerator",
            "denominator",
            "value",
            "note",
        )
    ):
        if geography == GeographyType.AREA:
            s = by_key.get((int(code), indicator_id))
            if s is None:
                continue
            own.add((int(code), indicator_id, period))
            targets = [s.area]
        elif geography == GeographyType.LOCAL_AUTHORITY:
            targets = [
                s.local_authority
                for s in by_indicator[indicator_id]
                if la_of[s.chosen.partnership_id] == code
            ]
        else:
            targets = [s.england for s in by_indicator[indicator_id]]
        if not targets:
            continue
        e = estimate(
            by_indicator[indicator_id][0].indicator,
            period=period,
            period_start=start,
            numerator=numerator,
            denominator=denominator,
            value=value,
            note=note,
        )
        for target in targets:
            target[period] = e
    for (
        partnership_id,
        indicator_id,
        period,
        period_start,
        numerator,
        denominator,
        rows,
        with_numerator,
        with_denominator,
    ) in _area_sums(list(by_indicator), partnership_ids):
        s = by_key.get((partnership_id, indicator_id))
        if s is None or (partnership_id, indicator_id, period) in own:
            continue
        unit = s.indicator.unit
        if with_numerator != rows or (unit != Unit.COUNT and with_denominator != rows):
            continue
        s.area[period] = estimate(
            s.indicator,
            period=period,
            period_start=_as_date(period_start),
            numerator=numerator,
            denominator=denominator if unit != Unit.COUNT else None,
            value=None,
            lsoas=rows,
        )
    return {s.chosen.pk: s for s in by_key.values()}


def _as_date(value):
    """SQLite hands a raw query's dates back as text."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


TREND_WORDS = {
    st.Comparison.BETTER: gettext_lazy("Improving"),
    st.Comparison.WORSE: gettext_lazy("Worsening"),
    st.Comparison.SIMILAR: gettext_lazy("No change"),
    st.Comparison.NOT_COMPARED: gettext_lazy("No trend"),
}


def trend_summary(summary: dict, words: dict) -> dict:
    """The dashboard's trend words (`words`: TREND_WORDS translated once for the page):
    improving or worsening by polarity; rising or falling for an indicator that is not judged."""
    trend = summary["trend"]
    judgement = st.trend_judgement(trend["result"].trend, summary["indicator"].polarity)
    words = words.get(judgement, trend["words"])
    return {"words": words, "sentence": trend["sentence"], "tag_class": TAG_CLASS[judgement]}


# The page --------------------------------------------------------------------------------------


# What the dashboard and its CSV read of each indicator's summary (not its whole series).
SUMMARY_KEYS = (
    "chosen",
    "indicator",
    "latest",
    "latest_value",
    "latest_interval",
    "vs_local_authority",
    "vs_england",
    "change",
    "trend_summary",
    "url",
)


def measured(partnerships: list[Partnership], sees: dict[int, bool], threshold: int) -> dict:
    """partnership id -> its chosen indicators' summaries (the dashboard's slice of them), with
    counts below `threshold` suppressed where `sees` says the person may not see them
    (5 queries)."""
    ids = [p.pk for p in partnerships]
    chosen = list(
        PartnershipIndicator.objects.filter(partnership_id__in=ids).order_by("indicator__name")
    )
    # The authority's few indicators once each, not one copy per partnership that chose them.
    indicators = Indicator.objects.in_bulk({c.indicator_id for c in chosen})
    by_pk = {p.pk: p for p in partnerships}
    for c in chosen:
        c.partnership = by_pk[c.partnership_id]
        c.indicator = indicators[c.indicator_id]
    series = series_for_partnerships(partnerships, chosen)
    trend_words = {k: str(v) for k, v in TREND_WORDS.items()}
    # One reverse() per partnership, not per indicator: measurement_indicator is "<int:pk>/"
    # under it (tested against get_absolute_url).
    urls = {p.pk: reverse("measurement", kwargs={"slug": p.slug}) for p in partnerships}
    result: dict[int, list[dict]] = {pk: [] for pk in ids}
    for c in chosen:
        summary = summarise(
            c.partnership,
            series[c.pk],
            threshold=None if sees[c.partnership_id] else threshold,
        )
        summary["trend_summary"] = trend_summary(summary, trend_words)
        summary["url"] = f"{urls[c.partnership_id]}{c.pk}/"
        result[c.partnership_id].append({k: summary[k] for k in SUMMARY_KEYS})
    # Cached without the partnerships: the page attaches its own, freshly read.
    for c in chosen:
        c._state.fields_cache.pop("partnership", None)
    return result


def cached_measured(local_authority, partnerships, sees, threshold, words=None) -> dict:
    """partnership id -> `measured`'s summaries, or with `words` (rows.labels) their rows as
    HTML (RowsHtml), from the cache when the figures have not changed since they were worked
    out (1 query then: the version). Besides the figures they depend on the language of their
    sentences, the threshold, the authority's name, which partnerships are shown, under which
    address, with or without small numbers, and the page's words."""

    def compute():
        found = measured(partnerships, sees, threshold)
        if words:
            return {pk: rows_html(summaries, words) for pk, summaries in found.items()}
        return found

    parts = (
        local_authority.pk,
        local_authority.name,
        get_language(),
        threshold,
        [(p.pk, p.slug, p.local_authority_id, sees[p.pk]) for p in partnerships],
        sorted(words.items()) if words else None,
    )
    return versions.cached("board-html" if words else "board", parts, compute)
