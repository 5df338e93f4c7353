"""Ward aggregation on a small hand-checked example, the rank_areas command, and clusters of
neighbouring deprived LSOAs on a tiny synthetic geometry."""

import io

import pytest
from django.core.management import call_command

from actlocally.places import selectors
from tests import factories


@pytest.fixture
def two_wards(db):
    """North: LSOAs scored 40 (pop 1,000, decile 1) and 10 (pop 3,000, decile 6).
    Weighted mean = (40×1000 + 10×3000) / 4000 = 17.5; one LSOA of two in decile 1.
    South: one LSOA scored 20 (pop 2,000, decile 3)."""
    release = factories.ReleaseFactory()
    north = factories.WardFactory(name="North", code="E05000001")
    south = factories.WardFactory(name="South", code="E05000002")
    a = factories.LsoaFactory(ward=north, code="E01000001")
    b = factories.LsoaFactory(ward=north, code="E01000002")
    c = factories.LsoaFactory(ward=south, code="E01000003")
    factories.DeprivationFactory(
        release=release, lsoa=a, imd_score=40, imd_decile=1, population=1000, imd_rank=100
    )
    factories.DeprivationFactory(
        release=release, lsoa=b, imd_score=10, imd_decile=6, population=3000, imd_rank=18000
    )
    factories.DeprivationFactory(
        release=release, lsoa=c, imd_score=20, imd_decile=3, population=2000, imd_rank=8000
    )
    return release, (a, b, c)


def test_ward_score_is_population_weighted(two_wards):
    release, _lsoas = two_wards
    rows = {r.name: r for r in selectors.ward_rows(release, "imd", "E08000032")}
    assert rows["North"].score == pytest.approx(17.5)


def test_ward_counts_lsoas_in_decile_1(two_wards):
    release, _lsoas = two_wards
    rows = {r.name: r for r in selectors.ward_rows(release, "imd", "E08000032")}
    assert (rows["North"].lsoas, rows["North"].lsoas_in_decile_1) == (2, 1)


def test_ranking_puts_the_higher_score_first(two_wards):
    release, _lsoas = two_wards
    rows = selectors.ranking(release, "imd", "ward", "E08000032")
    assert [(r.name, r.rank) for r in rows] == [("South", 1), ("North", 2)]


def test_ranking_by_share_in_decile_1_reorders(two_wards):
    release, _lsoas = two_wards
    rows = selectors.ranking(release, "imd", "ward", "E08000032", sort="share")
    assert rows[0].name == "North"


def test_rank_areas_prints_csv(two_wards):
    out = io.StringIO()
    call_command(
        "rank_areas", la="E08000032", level="ward", measure="imd", release="IoD2019", stdout=out
    )
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("code,name,score,rank,lsoas,lsoas_in_decile_1")
    assert lines[2].startswith("E05000001,North,17.500,2,2,1")


def test_clusters_join_neighbouring_decile_1_lsoas(two_wards):
    release, (a, _b, _c) = two_wards
    d = factories.LsoaFactory(ward=a.ward, code="E01000004")
    factories.DeprivationFactory(
        release=release, lsoa=d, imd_score=45, imd_decile=1, population=500
    )
    a.neighbours.add(d)
    found = selectors.clusters(release, "E08000032")
    assert [c["lsoas"] for c in found] == [["E01000001", "E01000004"]]


def test_clusters_keep_apart_lsoas_that_do_not_touch(two_wards):
    release, (a, _b, _c) = two_wards
    d = factories.LsoaFactory(ward=a.ward, code="E01000004")
    factories.DeprivationFactory(
        release=release, lsoa=d, imd_score=45, imd_decile=1, population=500
    )
    found = selectors.clusters(release, "E08000032")
    assert len(found) == 2
