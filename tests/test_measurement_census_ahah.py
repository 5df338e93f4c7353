"""Census 2021 and AHAH as indicators: a mean of area scores is never suppressed (it counts no
one) while a small count still is, negative scores are accepted, and the loader reads the
shipped files into LSOA rows and Bradford's and England's figures."""

import csv
import datetime
import math

import pytest
from django.urls import reverse

from actlocally.measurement import selectors, services
from actlocally.measurement import statistics as st
from actlocally.measurement.demo import DATA, _census_ahah_figures
from actlocally.measurement.selectors import estimate, suppress
from actlocally.measurement.selectors.judgements import comparison_sentence
from tests import factories

pytestmark = pytest.mark.django_db

CALENDAR_2021 = ("2021", datetime.date(2021, 1, 1))


def _estimate(unit: str, numerator: float, denominator: float | None):
    indicator = factories.IndicatorFactory.build(unit=unit)
    return estimate(
        indicator,
        period="2021",
        period_start=CALENDAR_2021[1],
        numerator=numerator,
        denominator=denominator,
        value=None,
    )


# Suppression by unit ----------------------------------------------------------------------------


def test_a_small_count_is_still_suppressed():
    assert suppress(_estimate("count", 7, None), threshold=10).suppressed


def test_a_rate_on_a_small_count_is_still_suppressed():
    assert suppress(_estimate("rate_1000", 7, 2000), threshold=10).value is None


def test_a_mean_of_small_scores_is_not_suppressed():
    shown = suppress(_estimate("mean", -0.6, 2), threshold=10)
    assert not shown.suppressed and shown.value == pytest.approx(-0.3)


@pytest.fixture
def mean_area(world):
    """Keighley's area of two LSOAs, with an AHAH-like score for each (a mean, small numbers)."""
    lsoas = [factories.LsoaFactory(code=f"E0100000{i}") for i in (1, 2)]
    focus_area = factories.FocusAreaFactory(partnership=world.keighley)
    focus_area.lsoas.set(lsoas)
    chosen = factories.PartnershipIndicatorFactory(
        partnership=world.keighley,
        indicator__key="ahah-health-services",
        indicator__unit="mean",
        indicator__period_type="calendar_year",
        focus_issue=world.focus,
    )
    for code, score in (("E01000001", 0.2), ("E01000002", -0.5)):
        factories.DataPointFactory(
            indicator=chosen.indicator,
            geography="lsoa",
            code=code,
            period=CALENDAR_2021[0],
            period_start=CALENDAR_2021[1],
            numerator=score,
            denominator=1,
            value=score,
        )
    return chosen


def test_a_members_page_shows_the_areas_mean_score(world, mean_area):
    row = selectors.indicators_page(mean_area.partnership, world.people["member"])["rows"][0]
    assert not row["latest"].suppressed and row["latest"].value == pytest.approx(-0.15)


def test_the_api_shows_a_mean_score_to_those_outside_the_research_partner(client, world, mean_area):
    client.force_login(world.people["board"])
    data = client.get(
        reverse("api:indicator_data", kwargs={"slug": "keighley", "pk": mean_area.pk})
    ).json()
    assert data["latest"]["suppressed"] is False
    assert data["latest"]["value"] == pytest.approx(-0.15)


def test_the_csv_shows_a_mean_score_to_a_member(client, world, mean_area):
    client.force_login(world.people["member"])
    body = client.get(
        reverse("measurement_indicator_csv", kwargs={"slug": "keighley", "pk": mean_area.pk})
    ).content.decode()
    assert "-0.15" in body and "suppressed" not in body.lower()


def test_a_mean_says_in_words_why_it_is_not_compared(world, mean_area):
    factories.DataPointFactory(
        indicator=mean_area.indicator,
        code="E08000032",
        period=CALENDAR_2021[0],
        period_start=CALENDAR_2021[1],
        numerator=-97.2,
        denominator=310,
        value=-97.2 / 310,
    )
    row = selectors.indicators_page(mean_area.partnership, world.people["member"])["rows"][0]
    assert "average of small areas' scores" in row["vs_local_authority"].sentence


def test_a_negative_mean_score_is_accepted():
    indicator = factories.IndicatorFactory.build(unit="mean")
    assert services.check_figures(indicator, numerator=-0.5, denominator=1, value=None)[2] == -0.5


# The loader, from the shipped files ----------------------------------------------------------------


def _bradford_lsoas() -> set[str]:
    with (DATA / "census2021_bradford_lsoa11.csv").open() as f:
        return {r["lsoa11_code"] for r in csv.DictReader(f)}


@pytest.fixture
def loaded():
    """The loader's figures for the four indicators, by (data key, geography, code)."""
    keys = {
        "ahah-index": "mean",
        "ahah-health": "mean",
        "density": "mean",
        "work-local": "percentage",
    }
    by_data = {}
    for n, (data, unit) in enumerate(keys.items(), start=1):
        by_data[data] = factories.IndicatorFactory.build(
            pk=n, unit=unit, period_type="calendar_year"
        )
    data_of = {i.pk: data for data, i in by_data.items()}
    figures = _census_ahah_figures(by_data, _bradford_lsoas(), "E08000032")
    return {(data_of[f.indicator_id], f.geography, f.code): f for f in figures}


def test_an_lsoas_ahah_score_is_its_row_in_the_file(loaded):
    figure = loaded["ahah-index", "lsoa", "E01010568"]
    assert (figure.numerator, figure.denominator, figure.period) == (17.58638521, 1.0, "2022")


def test_an_lsoas_work_near_home_share_is_from_home_and_under_2km_over_people_in_work(loaded):
    figure = loaded["work-local", "lsoa", "E01010568"]
    assert figure.value == pytest.approx((285 + 76) / 801 * 100)


def test_bradfords_ahah_score_is_the_comparators_mean(loaded):
    figure = loaded["ahah-index", "la", "E08000032"]
    assert figure.value == pytest.approx(7358.743325 / 310)


def test_englands_density_is_the_comparators_mean(loaded):
    figure = loaded["density", "england", "E92000001"]
    assert math.isclose(figure.value, 152634413.6 / 33755)


def test_distance_to_work_has_no_england_figure(loaded):
    assert ("work-local", "england", "E92000001") not in loaded
    assert ("work-local", "la", "E08000032") in loaded


def test_every_bradford_lsoa_has_each_figure(loaded):
    for data in ("ahah-index", "ahah-health", "density", "work-local"):
        assert sum(1 for key in loaded if key[0] == data and key[1] == "lsoa") == 310


def test_the_page_says_a_means_area_figure_is_averaged_over_its_lsoas(client, world, mean_area):
    client.force_login(world.people["member"])
    body = client.get(reverse("measurement", kwargs={"slug": "keighley"})).text
    assert "Averaged over 2 LSOAs." in body and "Summed from 2 LSOAs." not in body


def test_a_higher_with_no_judgement_says_95_percent_once():
    sentence = comparison_sentence(st.Comparison.HIGHER, "Bradford")
    assert "at 95% confidence" in sentence and "%%" not in sentence
