"""The board dashboard's reads: every partnership of a local authority with its journey phase,
focus issue, indicators' latest judgements and trends, overdue actions and Statement of Intent,
in a fixed number of queries whatever the number of partnerships, indicators or data points.

The measurement figures are built here for all the partnerships at once (measurement's own
`series_for` reads one partnership), then judged by measurement's own functions, so the
dashboard and the partnership's measurement page can never disagree."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.db import connection
from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from actlocally.actions.models import Action
from actlocally.authorization import has_permission
from actlocally.authorization.checks import visible_partnership_filter
from actlocally.journey.models import Phase, Status, Step, StepProgress
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
from actlocally.measurement.selectors import (
    TAG_CLASS,
    Series,
    estimate,
    small_number_threshold,
    summarise,
)
from actlocally.partnerships.models import (
    DatePrecision,
    FocusIssue,
    LocalAuthority,
    Partnership,
    format_date,
)
from actlocally.places.models import FocusArea
from actlocally.statements.models import Statement, StatementVersion

from .rows import indicator_rows

SMALL_NUMBERS = "measurement.view_small_numbers"


@dataclass
class PhaseSummary:
    """Where a partnership is on the blueprint: the furthest phase it has started a step of,
    and how many of all the steps it has done."""

    number: int | None
    title: str
    done: int
    total: int


@dataclass
class StatementSummary:
    words: str
    tag_class: str
    url: str = ""


@dataclass
class Row:
    """One partnership on the dashboard."""

    partnership: Partnership
    focus: FocusIssue | None
    phase: PhaseSummary
    statement: StatementSummary
    overdue: int
    # The indicators' summaries; or, for the page, only their rows as HTML (`indicator_rows`).
    indicators: list[dict] = field(default_factory=list)
    sees_small_numbers: bool = False
    indicator_rows: str = ""
    has_indicators: bool = False
    any_illustrative: bool = False
    card: object = None  # rows.Card: the page's words and links, set by the view


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


# Journey ---------------------------------------------------------------------------------------


def phases_of(partnership_ids: list[int]) -> dict[int, PhaseSummary]:
    """partnership id -> its current phase (3 queries). A partnership works on several phases at
    once (it delivers actions while still drawing more partners in), so its phase is the
    furthest one it has begun, not the first one it has not finished."""
    phases = {
        pk: (number, title)
        for pk, number, title in Phase.objects.values_list("pk", "number", "title")
    }
    phase_of_step = {
        step: phases[phase] for step, phase in Step.objects.values_list("pk", "phase_id")
    }
    total = len(phase_of_step)
    done = Counter()
    furthest = {}
    for partnership_id, step_id, status in (
        StepProgress.objects.filter(partnership_id__in=partnership_ids)
        .exclude(status=Status.NOT_STARTED)
        .values_list("partnership_id", "step_id", "status")
    ):
        phase = phase_of_step[step_id]
        if status == Status.DONE:
            done[partnership_id] += 1
        if partnership_id not in furthest or phase[0] > furthest[partnership_id][0]:
            furthest[partnership_id] = phase
    first = min(phases.values(), default=(None, ""))
    return {pk: PhaseSummary(*furthest.get(pk, first), done[pk], total) for pk in partnership_ids}


# Statements of Intent --------------------------------------------------------------------------


_SLUG = "partnership-slug-placeholder"


class VersionState(NamedTuple):
    """What the dashboard reads of a Statement of Intent's version (not its document)."""

    number: int
    status: str
    agreed_on: datetime.date | None
    agreed_on_precision: str
    updated_at: datetime.datetime

    @property
    def is_agreed(self) -> bool:
        return self.status == StatementVersion.Status.AGREED

    @property
    def date_label(self) -> str:
        # StatementVersion.date_label's rule.
        if self.agreed_on:
            return format_date(self.agreed_on, self.agreed_on_precision)
        return format_date(self.updated_at.date(), DatePrecision.DAY)

    @property
    def status_label(self) -> str:
        return str(StatementVersion.Status(self.status).label)

    @property
    def tag_class(self) -> str:
        return StatementVersion.TAG_CLASSES[self.status]


def statement_summary(statement: tuple[str, list[VersionState]] | None) -> StatementSummary:
    """The Statement of Intent's state in words, from statements_of's (address, versions)."""
    if statement is None:
        return StatementSummary(_("Not started"), "govuk-tag--grey")
    url, states = statement
    versions = sorted(states, key=lambda v: -v.number)
    agreed = next((v for v in versions if v.is_agreed), None)
    latest = versions[0] if versions else None
    if agreed is not None:
        words = _("Agreed %(date)s") % {"date": agreed.date_label}
        if latest is not agreed:
            words += " · " + _("version %(number)s %(status)s") % {
                "number": latest.number,
                "status": latest.status_label.lower(),
            }
        return StatementSummary(words, "govuk-tag--green", url)
    if latest is None:
        return StatementSummary(_("Not started"), "govuk-tag--grey", url)
    words = _("%(status)s (version %(number)s)") % {
        "status": latest.status_label,
        "number": latest.number,
    }
    return StatementSummary(words, latest.tag_class, url)


def statements_of(partnership_ids: list[int]) -> dict[int, tuple[str, list[VersionState]]]:
    """partnership id -> the address of the Statement of Intent of its current focus issue and
    its versions' states (2 queries, plain rows: the documents are not read)."""
    current = {"focus_issue__status": FocusIssue.Status.ACTIVE}
    # One reverse() per page: every current Statement's address is the same pattern.
    pattern = reverse("statement", kwargs={"slug": _SLUG})
    result = {
        partnership_id: (pattern.replace(_SLUG, slug), [])
        for partnership_id, slug in Statement.objects.filter(
            partnership_id__in=partnership_ids, **current
        ).values_list("partnership_id", "partnership__slug")
    }
    for partnership_id, *state in StatementVersion.objects.filter(
        statement__partnership_id__in=partnership_ids,
        **{f"statement__{k}": v for k, v in current.items()},
    ).values_list(
        "statement__partnership_id",
        "number",
        "status",
        "agreed_on",
        "agreed_on_precision",
        "updated_at",
    ):
        result[partnership_id][1].append(VersionState(*state))
    return result


# Actions ---------------------------------------------------------------------------------------


def overdue_counts(partnership_ids: list[int], today=None) -> Counter:
    """partnership id -> how many open actions are past their due date (1 query)."""
    return Counter(
        dict(
            Action.objects.filter(partnership_id__in=partnership_ids)
            .overdue(today or timezone.localdate())
            .values_list("partnership_id")
            .annotate(n=Count("pk"))
            .values_list("partnership_id", "n")
        )
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


def board_dashboard(local_authority: LocalAuthority, user, *, words: dict | None = None) -> dict:
    """Every partnership of the authority the person may see, side by side: each with its
    indicators' summaries, or with `words` (rows.labels, for the page) only their HTML rows."""
    partnerships = list(
        local_authority.partnerships.filter(visible_partnership_filter(user))
        .select_related("local_authority")
        .prefetch_related(
            Prefetch(
                "focus_issues",
                queryset=FocusIssue.objects.filter(status=FocusIssue.Status.ACTIVE),
                to_attr="active_focus",
            )
        )
        .order_by("name")
    )
    ids = [p.pk for p in partnerships]
    threshold = small_number_threshold()
    sees = {p.pk: has_permission(user, SMALL_NUMBERS, p) for p in partnerships}
    indicators = cached_measured(local_authority, partnerships, sees, threshold, words)
    phases = phases_of(ids)
    statements = statements_of(ids)
    overdue = overdue_counts(ids)
    rows = []
    for p in partnerships:
        row = Row(
            partnership=p,
            focus=p.active_focus[0] if p.active_focus else None,
            phase=phases[p.pk],
            statement=statement_summary(statements.get(p.pk)),
            overdue=overdue.get(p.pk, 0),
            sees_small_numbers=sees[p.pk],
        )
        found = indicators.get(p.pk)
        if isinstance(found, RowsHtml):
            row.indicator_rows = found.html
            row.has_indicators = found.has_indicators
            row.any_illustrative = found.any_illustrative
        elif found:
            row.indicators = found
            row.has_indicators = True
            row.any_illustrative = any(i["indicator"].illustrative for i in found)
        rows.append(row)
    return {
        "rows": rows,
        "threshold": threshold,
        "sees_small_numbers": bool(rows) and all(r.sees_small_numbers for r in rows),
        "any_illustrative": any(r.any_illustrative for r in rows),
    }
