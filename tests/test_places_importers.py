"""The places importers: good files, each kind of bad file (nothing written), idempotence."""

import pytest

from actlocally.places.importers import (
    ImportRefused,
    import_boundaries,
    import_deprivation,
    import_lookup,
    import_schools,
)
from actlocally.places.models import LSOA, Deprivation, LsoaLink, Release, School, Ward
from tests import factories

FILE1 = (
    "\ufeffLSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
    "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,"
    "Index of Multiple Deprivation (IMD) Decile\n"
    'E01000001,Town 001A,E08000032,Bradford,"1,200",1\n'
    'E01000002,Town 001B,E08000032,Bradford,"29,199",9\n'
)
FILE6 = (
    "\ufeffLSOA code (2011),LSOA name (2011),Total population: mid 2015 (excluding prisoners),"
    "Dependent Children aged 0-15: mid 2015 (excluding prisoners)\n"
    'E01000001,Town 001A,"1,000",300\n'
    "E01000002,Town 001B,3000,400\n"
)
SCORES = '"LSOA11CD","IMD_2019_decile","IMD_2019_score"\n"E01000001",1,50.5\n"E01000002",9,8.25\n'


def load(files=None, key="IoD2019"):
    files = files or [("f1.csv", FILE1), ("f6.csv", FILE6), ("scores.csv", SCORES)]
    return import_deprivation(
        release_key=key,
        year=2019,
        geography="lsoa11",
        files=[(n, t.encode()) for n, t in files],
    )


@pytest.mark.django_db
def test_deprivation_import_reads_every_file_by_header():
    load()
    d = Deprivation.objects.get(lsoa__code="E01000002")
    assert (d.imd_rank, d.imd_decile, d.imd_score, d.population, d.children) == (
        29199,
        9,
        8.25,
        3000,
        400,
    )


@pytest.mark.django_db
def test_deprivation_import_records_release_and_geography():
    load()
    release = Release.objects.get(key="IoD2019")
    assert (release.geography, release.year, release.summary["lsoas"]) == ("lsoa11", 2019, 2)


@pytest.mark.django_db
def test_deprivation_reimport_is_idempotent():
    load()
    result = load()
    assert (result.created, result.updated, result.unchanged, Deprivation.objects.count()) == (
        0,
        0,
        2,
        2,
    )


@pytest.mark.django_db
def test_deprivation_releases_live_side_by_side():
    load()
    load(key="IoD2019b")
    assert Deprivation.objects.count() == 4


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad", "column", "row"),
    [
        (FILE1.replace('"29,199"', "lots"), "Index of Multiple Deprivation (IMD) Rank", 3),
        (FILE1.replace("E01000002", "X123"), "LSOA code (2011)", 3),
        (FILE1.replace(",9\n", ",11\n"), "Index of Multiple Deprivation (IMD) Decile", 3),
    ],
)
def test_deprivation_bad_cell_is_refused_naming_row_and_column(bad, column, row):
    with pytest.raises(ImportRefused) as refused:
        load([("f1.csv", bad)])
    assert (refused.value.errors[0].row, refused.value.errors[0].column) == (row, column)


@pytest.mark.django_db
def test_deprivation_refused_file_writes_nothing():
    with pytest.raises(ImportRefused):
        load([("f1.csv", FILE1), ("scores.csv", SCORES.replace("8.25", "eight"))])
    assert (Release.objects.count(), LSOA.objects.count(), Deprivation.objects.count()) == (0, 0, 0)


@pytest.mark.django_db
def test_deprivation_missing_imd_columns_are_refused():
    with pytest.raises(ImportRefused) as refused:
        load([("f6.csv", FILE6)])
    assert {e.column for e in refused.value.errors} == {"IMD rank", "IMD decile"}


@pytest.mark.django_db
def test_deprivation_file_without_code_column_is_refused():
    with pytest.raises(ImportRefused) as refused:
        load([("f1.csv", FILE1.replace("LSOA code (2011)", "Area"))])
    assert refused.value.errors[0].column == "LSOA code"


WARDS = (
    "FID,LSOA11CD,LSOA11NM,WD19CD,WD19NM,LAD19CD,LAD19NM\n"
    "1,E01000001,Town 001A,E05000001,North,E08000032,Bradford\n"
    "2,E01000002,Town 001B,E05000002,South,E08000032,Bradford\n"
)


@pytest.mark.django_db
def test_ward_lookup_places_lsoas_in_wards():
    import_lookup(source=WARDS.encode(), name="lookup.csv")
    assert LSOA.objects.get(code="E01000002").ward.name == "South"


@pytest.mark.django_db
def test_ward_lookup_reimport_is_idempotent():
    import_lookup(source=WARDS.encode(), name="lookup.csv")
    result = import_lookup(source=WARDS.encode(), name="lookup.csv")
    assert (result.created, result.updated, Ward.objects.count()) == (0, 0, 2)


@pytest.mark.django_db
def test_ward_lookup_missing_column_is_refused():
    with pytest.raises(ImportRefused) as refused:
        import_lookup(source=WARDS.replace("WD19NM", "X").encode(), name="lookup.csv")
    assert refused.value.errors[0].column == "ward name"


@pytest.mark.django_db
def test_ward_lookup_bad_ward_code_is_refused():
    with pytest.raises(ImportRefused) as refused:
        import_lookup(source=WARDS.replace("E05000002", "North").encode(), name="lookup.csv")
    assert (refused.value.errors[0].row, refused.value.errors[0].column) == (3, "WD19CD")
    assert Ward.objects.count() == 0


@pytest.mark.django_db
def test_lsoa_2011_to_2021_lookup_links_lsoas():
    text = "lsoa11_code,change_code,lsoa21_code\nE01000001,S,E01000010\nE01000001,S,E01000011\n"
    import_lookup(source=text.encode(), name="link.csv")
    assert LsoaLink.objects.filter(lsoa11__code="E01000001", change="S").count() == 2


def square(code, x, y, size=0.01, key="LSOA11CD"):
    ring = [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]
    return {
        "type": "Feature",
        "properties": {key: code, key.replace("CD", "NM"): f"Area {code}"},
        "geometry": {"type": "Polygon", "coordinates": [ring]},
    }


def squares(*features):
    import json

    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


@pytest.mark.django_db
def test_boundaries_import_finds_neighbours():
    # A and B share an edge; C stands apart.
    import_boundaries(
        source=squares(
            square("E01000001", -1.80, 53.80),
            square("E01000002", -1.79, 53.80),
            square("E01000003", -1.70, 53.80),
        ),
        name="b.geojson",
    )
    a = LSOA.objects.get(code="E01000001")
    assert list(a.neighbours.values_list("code", flat=True)) == ["E01000002"]


@pytest.mark.django_db
def test_boundaries_outside_the_uk_are_refused():
    with pytest.raises(ImportRefused) as refused:
        import_boundaries(source=squares(square("E01000001", 100, 10)), name="b.geojson")
    assert refused.value.errors[0].column == "features[0].geometry.coordinates"


GIAS = (
    "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),"
    "EstablishmentStatus (name),Postcode,Easting,Northing,LSOA (code),"
    "DistrictAdministrative (code)\n"
    "100001,Hill Primary,Community school,Primary,Open,BD1 1AA,416000,433000,E01000001,E08000032\n"
    "100002,Old School,Community school,Primary,Closed,BD1 1AB,416000,433000,E01000001,E08000032\n"
    "100003,Vale Academy,Academy converter,Secondary,Open,BD1 1AC,,,E01000002,E08000032\n"
)


@pytest.mark.django_db
def test_schools_import_keeps_open_schools_only():
    import_schools(source=GIAS.encode("cp1252"), name="gias.csv")
    assert sorted(School.objects.values_list("name", flat=True)) == ["Hill Primary", "Vale Academy"]


@pytest.mark.django_db
def test_schools_import_converts_easting_northing():
    import_schools(source=GIAS.encode(), name="gias.csv")
    school = School.objects.get(urn=100001)
    assert (round(school.latitude, 1), round(school.longitude, 1)) == (53.8, -1.8)


@pytest.mark.django_db
def test_schools_without_lsoa_are_placed_by_point_in_polygon():
    import_boundaries(
        source=squares(square("E01000009", -1.80, 53.78, size=0.05)), name="b.geojson"
    )
    text = GIAS.replace(",E01000001,", ",,", 1)
    import_schools(source=text.encode(), name="gias.csv")
    assert School.objects.get(urn=100001).lsoa_code == "E01000009"


@pytest.mark.django_db
def test_schools_reimport_is_idempotent():
    import_schools(source=GIAS.encode(), name="gias.csv")
    result = import_schools(source=GIAS.encode(), name="gias.csv")
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)


@pytest.mark.django_db
def test_schools_bad_easting_is_refused():
    with pytest.raises(ImportRefused) as refused:
        import_schools(source=GIAS.replace("416000", "east", 1).encode(), name="gias.csv")
    assert (refused.value.errors[0].row, refused.value.errors[0].column) == (2, "Easting")
    assert School.objects.count() == 0


@pytest.mark.django_db
def test_schools_missing_column_is_refused():
    with pytest.raises(ImportRefused) as refused:
        import_schools(source=GIAS.replace("Northing", "North").encode(), name="gias.csv")
    assert refused.value.errors[0].column == "Northing"


def _split_and_merge(release11, release21):
    from actlocally.places.models import LsoaLink

    a, b = (factories.LsoaFactory() for _ in range(2))
    x, y = (factories.LsoaFactory(geography="lsoa21") for _ in range(2))
    factories.DeprivationFactory(release=release11, lsoa=a, population=1000)
    factories.DeprivationFactory(release=release11, lsoa=b, population=600)
    for lsoa in (x, y):
        factories.DeprivationFactory(release=release21, lsoa=lsoa, population=None)
    # a split into x and y; b merged into y.
    LsoaLink.objects.create(lsoa11=a, lsoa21=x, change="S")
    LsoaLink.objects.create(lsoa11=a, lsoa21=y, change="S")
    LsoaLink.objects.create(lsoa11=b, lsoa21=y, change="M")
    return x, y


@pytest.mark.django_db
def test_populations_are_carried_to_2021_lsoas_through_the_lookup():
    from actlocally.places.importers import carry_populations
    from actlocally.places.models import Deprivation

    release11 = factories.ReleaseFactory()
    release21 = factories.ReleaseFactory(key="IoD2025", year=2025, geography="lsoa21")
    x, y = _split_and_merge(release11, release21)
    carry_populations()
    populations = dict(
        Deprivation.objects.filter(release=release21).values_list("lsoa", "population")
    )
    assert (populations[x.pk], populations[y.pk]) == (500, 1100)


@pytest.mark.django_db
def test_carrying_populations_twice_changes_nothing():
    from actlocally.places.importers import carry_populations

    release11 = factories.ReleaseFactory()
    release21 = factories.ReleaseFactory(key="IoD2025", year=2025, geography="lsoa21")
    _split_and_merge(release11, release21)
    carry_populations()
    assert carry_populations() == 0
