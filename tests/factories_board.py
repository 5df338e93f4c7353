"""Factories for the board dashboard's tests: a chosen indicator with its figures."""

import datetime

from tests import factories

YEARS = [(f"{y}/{(y + 1) % 100:02d}", datetime.date(y, 9, 1)) for y in range(2019, 2024)]


def figure(indicator, geography, code, period, start, numerator, denominator, partnership=None):
    return factories.DataPointFactory(
        indicator=indicator,
        geography=geography,
        code=code,
        partnership=partnership,
        period=period,
        period_start=start,
        numerator=numerator,
        denominator=denominator,
        value=numerator / denominator * 100,
    )


def chosen_with_figures(partnership, *, polarity="lower_is_better", area=None, la=None, **extra):
    """An indicator the partnership chose (a percentage), with five years of its own area's
    figures and Bradford's: `area` and `la` are lists of (numerator, denominator) per year."""
    chosen = factories.PartnershipIndicatorFactory(
        partnership=partnership, indicator__polarity=polarity, **extra
    )
    for (period, start), (n, d) in zip(YEARS, area or [], strict=False):
        figure(chosen.indicator, "area", str(partnership.pk), period, start, n, d, partnership)
    for (period, start), (n, d) in zip(YEARS, la or [], strict=False):
        figure(chosen.indicator, "la", partnership.local_authority.code, period, start, n, d)
    return chosen


RISING = [(100, 1000), (150, 1000), (200, 1000), (250, 1000), (300, 1000)]
FLAT_LOW = [(100, 1000)] * 5
