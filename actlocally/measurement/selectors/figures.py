"""A partnership's figures: estimates with their confidence intervals, small numbers
suppressed, and each chosen indicator's series for its area and comparators.

Figures for the partnership's own area are its own rows where it has them, else the sum of the
numerators and denominators of its LSOAs' rows."""

from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Count, Q, Sum

from .. import statistics as st
from .. import versions
from ..models import ENGLAND_CODE, DataPoint, GeographyType, Indicator, PartnershipIndicator, Unit


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
    # Whether the figure is built on a count of people (a count, proportion, percentage or
    # rate), which is what small-number suppression protects; a mean of area scores is not.
    counts_people: bool = True


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
        counts_people=indicator.unit != Unit.MEAN,
    )


def suppress(e: Estimate | None, *, threshold: int) -> Estimate | None:
    """The figure with its count and everything built on it hidden, when the count is small.

    Only figures built on counts of people are suppressed: small numbers are hidden so no one can
    be picked out, and a mean of area scores (AHAH, density: unit "mean") counts no one. Its
    numerator is a sum of scores, often small or negative, and hiding it would hide the figure
    from everyone outside the research partner for no one's protection."""
    if e is None or not e.counts_people or e.numerator is None or e.numerator >= threshold:
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
