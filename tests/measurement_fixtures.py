"""Fixtures shared by the measurement test modules: Keighley's two-LSOA area with a chosen
indicator, and helpers that write its data points and read its summary row."""

import datetime

import pytest

from actlocally.measurement import selectors
from tests import factories


@pytest.fixture
def area(world):
    """Keighley's area of two LSOAs, and a chosen percentage indicator, lower is better."""
    lsoas = [factories.LsoaFactory(code=f"E0100000{i}") for i in (1, 2)]
    focus_area = factories.FocusAreaFactory(partnership=world.keighley)
    focus_area.lsoas.set(lsoas)
    chosen = factories.PartnershipIndicatorFactory(
        partnership=world.keighley,
        indicator__key="absence",
        indicator__name="Dental absence",
        focus_issue=world.focus,
    )
    return chosen


def point(indicator, geography, code, period, start, numerator, denominator, **extra):
    return factories.DataPointFactory(
        indicator=indicator,
        geography=geography,
        code=code,
        period=period,
        period_start=start,
        numerator=numerator,
        denominator=denominator,
        value=None if numerator is None else numerator / denominator * 100,
        **extra,
    )


Y2223 = ("2022/23", datetime.date(2022, 9, 1))
Y2324 = ("2023/24", datetime.date(2023, 9, 1))


def area_rows(chosen, n1=60, d1=500, n2=40, d2=500, period=Y2324):
    point(chosen.indicator, "lsoa", "E01000001", *period, n1, d1)
    point(chosen.indicator, "lsoa", "E01000002", *period, n2, d2)


def summary(chosen, user):
    return selectors.indicators_page(chosen.partnership, user)["rows"][0]
