"""The demo's indicators: real open data for every Bradford partnership, compared with Bradford
and England; illustrative values only where no open source exists, and labelled."""

import pytest

from actlocally.accounts.models import User
from actlocally.measurement import selectors
from actlocally.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, settings):
    settings.DEMO_MODE = True
    return User.objects.get(email="researcher@example.org")


def test_every_partnership_sees_its_area_against_bradford_and_england(demo):
    for partnership in Partnership.objects.select_related("local_authority"):
        rows = {r["indicator"].key: r for r in selectors.indicators_page(partnership, demo)["rows"]}
        idaci = rows["idaci"]
        assert idaci["latest"].lsoas > 0, partnership.slug
        assert idaci["vs_local_authority"].result != "not_compared", partnership.slug
        assert idaci["vs_england"].result != "not_compared", partnership.slug
        assert not idaci["indicator"].illustrative


def test_only_what_no_open_source_holds_is_illustrative(demo):
    illustrative = {
        p.slug: sorted(
            r["indicator"].key
            for r in selectors.indicators_page(p, demo)["rows"]
            if r["indicator"].illustrative
        )
        for p in Partnership.objects.select_related("local_authority")
    }
    assert illustrative == {
        "keighley": ["dental-absence", "healthy-start-take-up"],
        "holme-wood": ["youth-crime-asb-contacts"],
        "manningham-girlington": ["healthy-minds-take-up"],
    }


def test_each_illustrative_indicator_has_a_2022_23_baseline_from_its_own_figures(demo):
    for partnership in Partnership.objects.select_related("local_authority"):
        for row in selectors.indicators_page(partnership, demo)["rows"]:
            if row["indicator"].illustrative:
                chosen = row["chosen"]
                base = row["series"].area["2022/23"]
                assert chosen.baseline_period == "2022/23", chosen
                assert chosen.baseline_value == round(base.value, 1), chosen


def test_each_illustrative_indicator_evidences_the_intended_outcome_it_measures(demo):
    outcomes = {
        (p.slug, r["indicator"].key): [o.text for o in r["chosen"].outcomes.all()]
        for p in Partnership.objects.select_related("local_authority")
        for r in selectors.indicators_page(p, demo)["rows"]
        if r["indicator"].illustrative
    }
    assert "dental reasons" in outcomes["keighley", "dental-absence"][0]
    assert "government vouchers" in outcomes["keighley", "healthy-start-take-up"][0]
    assert "antisocial behaviour reduces" in outcomes["holme-wood", "youth-crime-asb-contacts"][0]
    assert "Healthy Minds" in outcomes["manningham-girlington", "healthy-minds-take-up"][0]


def test_the_board_dashboard_shows_every_demo_partnership_with_its_illustrative_label(demo, client):
    from actlocally.partnerships.models import LocalAuthority

    board = User.objects.filter(board_memberships__isnull=False).first()
    client.force_login(board)
    la = LocalAuthority.objects.get(code="E08000032")
    response = client.get(f"/local-authorities/{la.code}/board/")
    assert response.text.count("govuk-tag--orange") == 4


CENSUS_AHAH = ("ahah-index", "ahah-health-services", "population-density", "work-from-home-or-near")


def test_every_partnership_sees_census_and_ahah_against_bradford(demo):
    for partnership in Partnership.objects.select_related("local_authority"):
        rows = {r["indicator"].key: r for r in selectors.indicators_page(partnership, demo)["rows"]}
        for key in CENSUS_AHAH:
            row = rows[key]
            assert row["latest"].lsoas > 0, (partnership.slug, key)
            assert row["local_authority_value"], (partnership.slug, key)
            assert "Bradford" in row["vs_local_authority"].sentence, (partnership.slug, key)
            assert not row["indicator"].illustrative


def test_every_partnership_sees_census_and_ahah_against_england_but_distance_to_work(demo):
    for partnership in Partnership.objects.select_related("local_authority"):
        rows = {r["indicator"].key: r for r in selectors.indicators_page(partnership, demo)["rows"]}
        shown = {key: bool(rows[key]["england_value"]) for key in CENSUS_AHAH}
        assert shown == {
            "ahah-index": True,
            "ahah-health-services": True,
            "population-density": True,
            "work-from-home-or-near": False,
        }, partnership.slug


def test_the_page_says_distance_to_work_is_not_compared_with_england(demo, client):
    client.force_login(demo)
    body = client.get("/partnerships/keighley/measurement/").text
    assert "Not compared with England: there is no figure for England for this period." in body


def test_distance_to_work_is_judged_against_bradford(demo):
    keighley = Partnership.objects.get(slug="keighley")
    rows = {r["indicator"].key: r for r in selectors.indicators_page(keighley, demo)["rows"]}
    assert rows["work-from-home-or-near"]["vs_local_authority"].result != "not_compared"
