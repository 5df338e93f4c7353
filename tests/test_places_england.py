"""The area page compares with England even when only one authority is loaded, says what each
number means (a rate, a score, a rank) and why the population is mid-2015."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from actlocally.places import services
from actlocally.places.selectors import area_profile, england_figure, published_england
from tests import factories


@pytest.fixture
def area(world):
    release = factories.ReleaseFactory(
        key="IoD2025",
        year=2025,
        geography="lsoa21",
        summary={
            "ranked": ["imd", "income", "crime"],
            "scored": ["imd", "income", "crime"],
            "fields": [],
            "thresholds": {},
            "lsoas": 4,
            "population_from": "IoD2019",
        },
    )
    lsoas = [factories.LsoaFactory(geography="lsoa21") for _ in range(4)]
    for lsoa in lsoas:
        factories.DeprivationFactory(
            release=release,
            lsoa=lsoa,
            income_score=0.5,
            income_rank=10,
            income_decile=1,
            crime_score=1.2,
            crime_rank=10,
            crime_decile=1,
        )
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa21", lsoas=lsoas, method="map", by=None
    )
    return release


def _row(soup, label):
    return next(r for r in soup.select("tbody tr") if label in r.th.get_text())


@pytest.fixture
def page(client, world, area):
    client.force_login(world.people["coordinator"])
    return BeautifulSoup(
        client.get(reverse("area_profile", kwargs={"slug": "keighley"})).content, "html.parser"
    )


def test_england_figure_comes_from_the_england_wide_files_when_one_authority_is_loaded(area):
    shipped = published_england()["IoD2025"]["measures"]["imd"]["score"]
    assert england_figure(area, "imd", "score") == (shipped, "england_files")


def test_a_release_without_england_files_says_why_englands_figure_is_missing(world):
    release = factories.ReleaseFactory(key="IoD2031", year=2031)
    value, reason = england_figure(release, "imd", "score")
    assert value is None and "not among the files" in reason


def test_the_england_column_shows_englands_income_rate(page):
    cells = _row(page, "Income").select("td")
    assert cells[2].get_text(strip=True) == "23%"


def test_an_income_score_reads_as_a_share_of_people(page):
    row = _row(page, "Income")
    assert "% of people who are income-deprived" in row.th.get_text()
    assert row.select("td")[0].get_text(strip=True) == "50%"


def test_a_domain_score_says_higher_is_more_deprived(page):
    assert "score, higher is more deprived" in _row(page, "Crime").th.get_text()


def test_the_population_says_why_it_is_mid_2015_on_an_iod2025_page(page):
    note = page.select_one("#population-year").get_text()
    assert "population denominators of IoD2019" in note


def test_an_average_rank_says_what_rank_1_is(world):
    release = factories.ReleaseFactory(
        summary={"ranked": ["imd"], "scored": [], "fields": [], "thresholds": {}}
    )
    lsoa = factories.LsoaFactory()
    factories.DeprivationFactory(release=release, lsoa=lsoa)
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=[lsoa], method="map", by=None
    )
    row = area_profile(world.keighley, release)["measures"][0]
    assert row["unit"] == "average national rank, 1 = most deprived of 32,844 LSOAs"


def test_the_area_page_links_rank_and_score_to_the_glossary(page):
    hrefs = {a["href"] for a in page.select("a.app-term")}
    assert {"/glossary/#decile", "/glossary/#deprivation-score"} <= hrefs


def test_the_area_profile_reads_in_a_constant_number_of_queries(
    world, area, django_assert_num_queries
):
    more = [factories.LsoaFactory(geography="lsoa21") for _ in range(6)]
    for lsoa in more:
        factories.DeprivationFactory(release=area, lsoa=lsoa)
    with django_assert_num_queries(5):
        area_profile(world.keighley, area)


@pytest.mark.parametrize("release", ["IoD2019", "IoD2025"])
def test_the_england_figures_cover_every_measure_the_demo_loads(release):
    # Each release ranks all of England, so a tenth of its LSOAs are in decile 1 by definition:
    # a figure far from that was computed from the wrong file.
    measures = published_england()[release]["measures"]
    assert {"imd", "income", "employment", "education", "health", "crime"} <= set(measures)
    assert all(abs(m["share_d1"] - 0.1) < 0.005 for m in measures.values())
