"""What the area page and a Statement of Intent quote from the data: each fact cites its own
denominator, and figures read as numbers (a space before units, thousands separators)."""

import pytest
from django.urls import reverse

from actlocally.places import services
from actlocally.places.selectors import area_facts
from tests import factories


@pytest.fixture
def bradford(world):
    """Four LSOAs in the area (three in decile 1), and four more elsewhere in Bradford."""
    release = factories.ReleaseFactory()
    ward = factories.WardFactory(name="Keighley Central")
    inside = [factories.LsoaFactory(ward=ward) for _ in range(4)]
    for n, lsoa in enumerate(inside):
        factories.DeprivationFactory(
            release=release, lsoa=lsoa, imd_decile=1 if n < 3 else 5, population=17208
        )
    for _ in range(4):
        factories.DeprivationFactory(release=release, imd_decile=6, population=1500)
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=inside, method="map", by=None
    )
    return release


def test_the_bradford_wide_fact_cites_bradfords_lsoas(world, bradford):
    fact = next(f for f in area_facts(world.keighley) if "Bradford's LSOAs" in f["text"])
    assert (fact["text"], fact["source"]) == (
        "38% of Bradford's LSOAs are in the most deprived 10% nationally",
        "English Indices of Deprivation (IoD2019), MHCLG; Bradford's 8 LSOAs",
    )


def test_the_area_fact_cites_the_areas_lsoas(world, bradford):
    assert area_facts(world.keighley)[0]["source"] == (
        "English Indices of Deprivation (IoD2019), MHCLG; the area's 4 LSOAs"
    )


def test_the_area_page_shows_each_fact_with_its_own_source(client, world, bradford):
    client.force_login(world.people["member"])
    body = client.get(reverse("area_profile", kwargs={"slug": "keighley"})).content.decode()
    assert "MHCLG; Bradford&#x27;s 8 LSOAs" in body and "MHCLG; the area&#x27;s 4 LSOAs" in body


def test_ranking_population_has_a_thousands_separator(client, world, bradford):
    client.force_login(world.people["member"])
    body = client.get(
        reverse("places_ranking", kwargs={"la": "E08000032"}) + "?level=lsoa"
    ).content.decode()
    assert "17,208" in body and "17208" not in body


def test_area_profile_population_has_a_thousands_separator(client, world, bradford):
    client.force_login(world.people["member"])
    body = client.get(reverse("area_profile", kwargs={"slug": "keighley"})).content.decode()
    assert "68,832" in body


def test_suggestions_population_has_a_thousands_separator(client, world, bradford):
    inside = list(world.keighley.focus_area.lsoas.all())
    inside[0].neighbours.add(inside[1])
    client.force_login(world.people["member"])
    body = client.get(reverse("places_suggestions", kwargs={"la": "E08000032"})).content.decode()
    assert "34,416" in body


def test_average_ranks_have_thousands_separators(client, world):
    # A release with no domain scores shows average national ranks (lower is more deprived).
    release = factories.ReleaseFactory(
        summary={"ranked": ["imd", "income"], "scored": ["imd"], "fields": [], "thresholds": {}}
    )
    lsoa = factories.LsoaFactory()
    factories.DeprivationFactory(release=release, lsoa=lsoa, income_rank=11205)
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=[lsoa], method="map", by=None
    )
    client.force_login(world.people["member"])
    body = client.get(reverse("area_profile", kwargs={"slug": "keighley"})).content.decode()
    assert "11,205" in body and "11205" not in body
