"""Reads behind the funnel plots and the spine chart: the LSOA figures of an indicator, and the
same summed to each ward of the local authority and each of its other public partnerships'
areas, with small numbers suppressed for everyone who may not see them (as the selectors do for
the area). Each read is a fixed number of queries whatever the number of indicators, LSOAs,
wards or periods."""

from collections import defaultdict
from dataclasses import dataclass

from . import versions
from .models import DataPoint, GeographyType
from .selectors import Estimate, estimate, indicator_page, small_number_threshold, suppress


@dataclass(frozen=True)
class PlaceFigure:
    """One place's figure for one period: an LSOA, a ward, or a partnership's area (`kind`)."""

    code: str
    name: str
    estimate: Estimate
    kind: str = "lsoa"


def _threshold(sees_small_numbers: bool) -> int | None:
    return None if sees_small_numbers else small_number_threshold()


def _hide(e: Estimate, threshold: int | None) -> Estimate:
    return suppress(e, threshold=threshold) if threshold else e


def area_lsoa_figures(
    partnership, chosen, period: str, *, sees_small_numbers: bool
) -> list[PlaceFigure]:
    """The figures of the partnership's own LSOAs for `period` (two queries, or one when they
    are cached), named, in code order; suppressed ones stay in the list (marked) so a table can
    say so."""
    parts = (partnership.pk, chosen.indicator_id, period, sees_small_numbers)
    return versions.cached(
        "area-lsoas",
        parts,
        lambda: _area_lsoa_figures(
            partnership, chosen, period, sees_small_numbers=sees_small_numbers
        ),
    )


def _area_lsoa_figures(
    partnership, chosen, period: str, *, sees_small_numbers: bool
) -> list[PlaceFigure]:
    from actlocally.places.models import LSOA

    names = dict(
        LSOA.objects.filter(focus_areas__partnership=partnership).values_list("code", "name")
    )
    if not names:
        return []
    threshold = _threshold(sees_small_numbers)
    rows = DataPoint.objects.filter(
        indicator_id=chosen.indicator_id,
        geography=GeographyType.LSOA,
        code__in=list(names),
        period=period,
    ).order_by("code")
    return [
        PlaceFigure(
            code=row.code,
            name=names.get(row.code) or row.code,
            estimate=_hide(
                estimate(
                    chosen.indicator,
                    period=row.period,
                    period_start=row.period_start,
                    numerator=row.numerator,
                    denominator=row.denominator,
                    value=row.value,
                ),
                threshold,
            ),
        )
        for row in rows
    ]


def ward_figures(
    partnership, chosen, period: str, *, sees_small_numbers: bool
) -> list[PlaceFigure]:
    """Every ward of the partnership's local authority, and every other public partnership's
    area in it, with its figure for `period` summed from its LSOAs' rows (three queries, or
    one when cached): wards first, by name, then areas. A place is left out when it has no
    rows or a row lacks the numerator or denominator (a sum of some of its LSOAs is not its
    figure); a small sum is suppressed (marked) for those who may not see it."""
    parts = (partnership.pk, chosen.indicator_id, period, sees_small_numbers)
    return versions.cached(
        "wards",
        parts,
        lambda: _ward_figures(partnership, chosen, period, sees_small_numbers=sees_small_numbers),
    )


def _ward_figures(
    partnership, chosen, period: str, *, sees_small_numbers: bool
) -> list[PlaceFigure]:
    from actlocally.places.models import LSOA

    la_code = partnership.local_authority.code
    # place (kind, code, name) -> its LSOA codes; an LSOA code shared by a 2011 and a 2021 row
    # is one LSOA, so codes are sets.
    members: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for code, ward_code, ward_name in LSOA.objects.filter(
        la_code=la_code, ward__isnull=False
    ).values_list("code", "ward__code", "ward__name"):
        members[("ward", ward_code, ward_name)].add(code)
    for code, pk, area_name in LSOA.objects.filter(
        focus_areas__partnership__local_authority_id=partnership.local_authority_id,
        focus_areas__partnership__is_public=True,
    ).values_list("code", "focus_areas__partnership_id", "focus_areas__partnership__area_name"):
        # Skipped here, not excluded in SQL: an exclude across the many-to-many would also drop
        # another area's LSOAs that this partnership's area shares.
        if pk != partnership.pk:
            members[("partnership", str(pk), area_name)].add(code)
    if not members:
        return []
    every_code = set().union(*members.values())
    rows = {
        code: (numerator, denominator)
        for code, numerator, denominator in DataPoint.objects.filter(
            indicator_id=chosen.indicator_id,
            geography=GeographyType.LSOA,
            code__in=sorted(every_code),
            period=period,
        ).values_list("code", "numerator", "denominator")
    }
    threshold = _threshold(sees_small_numbers)
    figures = []
    for (kind, code, name), codes in sorted(members.items()):
        parts = [rows[c] for c in codes if c in rows]
        if not parts or any(n is None or d is None for n, d in parts):
            continue
        figures.append(
            PlaceFigure(
                code=code,
                name=name,
                kind=kind,
                estimate=_hide(
                    estimate(
                        chosen.indicator,
                        period=period,
                        period_start=None,
                        numerator=sum(n for n, _d in parts),
                        denominator=sum(d for _n, d in parts),
                        value=None,
                        lsoas=len(parts),
                    ),
                    threshold,
                ),
            )
        )
    # Wards first, then the partnerships' areas, each by name.
    figures.sort(key=lambda f: (f.kind != "ward", f.name))
    return figures


def local_authority_lsoa_values(
    partnership, chosen: list, periods: dict[int, str], *, sees_small_numbers: bool
) -> dict[int, list[float]]:
    """chosen indicator id -> the values of every LSOA of the partnership's local authority in
    that indicator's period (`periods`: chosen id -> period), suppressed ones left out: the
    range the spine chart draws. One query for all indicators."""
    from actlocally.places.models import LSOA

    wanted = {c.indicator_id: c for c in chosen if periods.get(c.pk)}
    if not wanted:
        return {}
    threshold = _threshold(sees_small_numbers)
    codes = LSOA.objects.filter(la_code=partnership.local_authority.code).values("code")
    values: dict[int, list[float]] = defaultdict(list)
    for row in DataPoint.objects.filter(
        indicator_id__in=wanted,
        geography=GeographyType.LSOA,
        code__in=codes,
        period__in={periods[c.pk] for c in wanted.values()},
    ):
        c = wanted[row.indicator_id]
        if row.period != periods[c.pk]:
            continue
        e = _hide(
            estimate(
                c.indicator,
                period=row.period,
                period_start=row.period_start,
                numerator=row.numerator,
                denominator=row.denominator,
                value=row.value,
            ),
            threshold,
        )
        if e.value is not None:
            values[c.pk].append(e.value)
    return dict(values)


def indicator_charts(
    partnership, pk: int, user, kinds=("trend", "comparators", "funnel")
) -> tuple[dict, dict] | None:
    """One chosen indicator's page data and the charts named in `kinds` (trend, comparators,
    funnel of the area's LSOAs, funnel-wards of the authority's wards and areas), or None when
    the partnership has no such indicator. Only the funnels read more than the page does (the
    LSOAs: two queries; the wards: three)."""
    from . import charts

    page = indicator_page(partnership, pk, user)
    if page is None:
        return None
    built = {}
    if "trend" in kinds:
        built["trend"] = charts.trend(page, partnership)
    if "comparators" in kinds:
        built["comparators"] = charts.comparators(page, partnership)
    if "funnel" in kinds:
        latest = page["latest"]
        figures = (
            area_lsoa_figures(
                partnership,
                page["chosen"],
                latest.period,
                sees_small_numbers=page["sees_small_numbers"],
            )
            if latest is not None
            else []
        )
        built["funnel"] = charts.funnel(page, partnership, figures)
    if "funnel-wards" in kinds:
        latest = page["latest"]
        figures = (
            ward_figures(
                partnership,
                page["chosen"],
                latest.period,
                sees_small_numbers=page["sees_small_numbers"],
            )
            if latest is not None
            else []
        )
        built["funnel-wards"] = charts.ward_funnel(page, partnership, figures)
    return page, built


def spine_chart(partnership, user):
    """The partnership's indicators page data and its spine chart."""
    from . import charts
    from .selectors import indicators_page

    page = indicators_page(partnership, user)
    periods = {r["chosen"].pk: r["latest"].period for r in page["rows"] if r["latest"]}
    ranges = local_authority_lsoa_values(
        partnership,
        [r["chosen"] for r in page["rows"]],
        periods,
        sees_small_numbers=page["sees_small_numbers"],
    )
    return page, charts.spine(page, partnership, ranges)
