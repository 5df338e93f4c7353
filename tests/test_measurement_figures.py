"""Shared measurement figures: value checks per unit, area figures from LSOA rows, comparisons
on the page, suppression of small numbers everywhere and illustrative labels."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actlocally.measurement import selectors, services
from tests import factories

from .measurement_fixtures import *  # noqa: F403
from .measurement_fixtures import Y2324, area_rows, point, summary

pytestmark = pytest.mark.django_db


# Value checks per unit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "figures", "field"),
    [
        ("proportion", {"numerator": None, "denominator": None, "value": 1.2}, "value"),
        ("percentage", {"numerator": None, "denominator": None, "value": 101}, "value"),
        ("percentage", {"numerator": 11, "denominator": 10, "value": None}, "numerator"),
        ("count", {"numerator": -1, "denominator": None, "value": None}, "numerator"),
        ("count", {"numerator": 2.5, "denominator": None, "value": None}, "numerator"),
        ("rate_1000", {"numerator": 5, "denominator": 0, "value": None}, "denominator"),
        ("rate_1000", {"numerator": None, "denominator": None, "value": -3}, "value"),
    ],
)
def test_figures_out_of_their_units_range_are_refused(unit, figures, field):
    indicator = factories.IndicatorFactory(unit=unit)
    with pytest.raises(ValidationError) as refused:
        services.check_figures(indicator, **figures)
    assert field in refused.value.message_dict


def test_a_rate_is_worked_out_from_numerator_and_denominator():
    indicator = factories.IndicatorFactory(unit="rate_1000")
    assert services.check_figures(indicator, numerator=5, denominator=2000, value=None)[2] == 2.5


def test_a_value_that_disagrees_with_its_numerator_and_denominator_is_refused():
    indicator = factories.IndicatorFactory(unit="percentage")
    with pytest.raises(ValidationError):
        services.check_figures(indicator, numerator=5, denominator=100, value=50)


# The partnership's area, from its LSOAs -------------------------------------------------------


def test_area_figure_is_summed_from_its_lsoas(world, area):
    area_rows(area)
    row = summary(area, world.people["member"])
    assert (row["latest"].numerator, row["latest"].denominator, row["latest"].value) == (
        100,
        1000,
        10.0,
    )
    assert row["latest"].lsoas == 2


def test_lsoas_outside_the_area_are_not_counted(world, area):
    area_rows(area)
    factories.LsoaFactory(code="E01000009")
    point(area.indicator, "lsoa", "E01000009", *Y2324, 500, 500)
    assert summary(area, world.people["member"])["latest"].numerator == 100


def test_the_areas_own_row_comes_before_its_lsoas(world, area):
    area_rows(area)
    point(
        area.indicator, "area", str(world.keighley.pk), *Y2324, 30, 600, partnership=world.keighley
    )
    assert summary(area, world.people["member"])["latest"].numerator == 30


# Comparisons on the page: both polarities, never colour alone --------------------------------


def test_page_says_worse_than_bradford_when_higher_and_lower_is_better(client, world, area):
    area_rows(area)  # 10.0%, 95% CI about 8.3% to 12.0%
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)  # 5%
    client.force_login(world.people["member"])
    response = client.get(reverse("measurement", kwargs={"slug": "keighley"}))
    assert (
        "Worse than Bradford: the difference is bigger than chance would explain, at 95% "
        "confidence." in response.content.decode()
    )


def test_higher_is_better_turns_the_same_figures_into_better(world, area):
    area.indicator.polarity = "higher_is_better"
    area.indicator.save()
    area_rows(area)
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)
    assert summary(area, world.people["member"])["vs_local_authority"].result == "better"


def test_benchmark_inside_the_interval_is_similar(world, area):
    area_rows(area)
    point(area.indicator, "england", "E92000001", *Y2324, 1000, 10000)  # 10%
    judgement = summary(area, world.people["member"])["vs_england"]
    assert judgement.result == "similar"
    assert judgement.sentence.startswith("Similar to England")


def test_no_benchmark_figure_is_not_compared(world, area):
    area_rows(area)
    judgement = summary(area, world.people["member"])["vs_england"]
    assert judgement.result == "not_compared"
    assert "no figure for England" in judgement.sentence


def test_change_from_a_typed_baseline_is_judged(world, area):
    area.baseline_period, area.baseline_value = "2022/23", 20.0
    area.save()
    area_rows(area)
    assert summary(area, world.people["member"])["change"]["words"] == "Better"


def test_trend_over_five_years_is_worked_out(world, area):
    for i, n in enumerate([100, 90, 80, 70, 60]):
        start = datetime.date(2019 + i, 9, 1)
        point(
            area.indicator,
            "area",
            str(world.keighley.pk),
            f"{2019 + i}/{20 + i}",
            start,
            n,
            1000,
            partnership=world.keighley,
        )
    trend = selectors.indicator_page(world.keighley, area.pk, world.people["member"])["trend"]
    assert trend["words"] == "Falling"
    assert trend["sentence"].startswith("Getting better.")


# Small numbers ---------------------------------------------------------------------------------


def test_small_counts_are_suppressed_for_members(world, area):
    area_rows(area, n1=3, n2=4)
    row = summary(area, world.people["member"])
    assert row["latest"].suppressed
    assert row["latest"].value is None and row["latest"].lower is None


def test_the_research_partner_sees_small_counts(world, area):
    area_rows(area, n1=3, n2=4)
    assert summary(area, world.people["research_partner"])["latest"].numerator == 7


def test_a_rate_on_a_suppressed_count_is_not_compared(world, area):
    area_rows(area, n1=3, n2=4)
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)
    assert summary(area, world.people["member"])["vs_local_authority"].result == "not_compared"


def test_small_counts_are_suppressed_in_the_csv(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["member"])
    response = client.get(
        reverse("measurement_indicator_csv", kwargs={"slug": "keighley", "pk": area.pk})
    )
    body = response.content.decode()
    assert "suppressed" in body and ",7," not in body and "0.7" not in body


def test_small_counts_are_suppressed_on_the_indicator_page(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["member"])
    response = client.get(
        reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    )
    assert "Suppressed (small numbers)" in response.content.decode()


def test_small_counts_are_suppressed_in_the_api(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["board"])
    data = client.get(
        reverse("api:indicator_data", kwargs={"slug": "keighley", "pk": area.pk})
    ).json()
    assert data["latest"]["suppressed"] is True
    assert data["latest"]["numerator"] is None
    assert data["data"][0]["area"]["value"] is None


def test_the_threshold_is_a_setting(settings, world, area):
    settings.MEASUREMENT_SMALL_NUMBER_THRESHOLD = 200
    area_rows(area)  # 100 events
    assert summary(area, world.people["member"])["latest"].suppressed


# Illustrative values are labelled --------------------------------------------------------------


def test_illustrative_indicators_say_so_on_the_page_and_in_the_file(client, world, area):
    area.indicator.illustrative = True
    area.indicator.save()
    area_rows(area)
    client.force_login(world.people["member"])
    page = client.get(reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk}))
    csv = client.get(
        reverse("measurement_indicator_csv", kwargs={"slug": "keighley", "pk": area.pk})
    )
    assert "made-up demonstration values" in page.content.decode()
    assert "illustrative" in csv["Content-Disposition"]
    assert "yes: illustrative values" in csv.content.decode()
