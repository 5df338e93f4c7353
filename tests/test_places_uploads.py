"""Uploading open-data files through the upload page (the form it renders), and the import
commands: every bad file is refused with where and what to fix, and nothing is written."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import TestCase
from django.urls import reverse

from actlocally.places.models import LSOA, Deprivation, Release, School, Ward
from tests.pageforms import page_form, submit
from tests.test_places_importers import FILE1, GIAS, WARDS, square, squares

pytestmark = pytest.mark.django_db


def upload(client, world, kind, *files, **fields):
    """Fill in the upload page as a research partner would and press the button."""
    client.force_login(world.people["research_partner"])
    page = client.get(reverse("places_upload"))
    form = page_form(page, with_field="kind").set("kind", kind)
    for name, value in fields.items():
        form.set(name, value)
    form.attach("files", *(SimpleUploadedFile(name, data) for name, data in files))
    # The job's task is queued after commit; run it, as a worker would.
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = submit(client, page, form)
    # A good form starts a background job (run at once in tests) and leads to its page.
    if response.status_code == 302:
        return client.get(response["Location"])
    return response


def refused(response) -> str:
    """The page's text after a refusal, checking it is the GOV.UK error summary."""
    assert response.status_code == 200
    text = response.content.decode()
    assert 'class="govuk-error-summary"' in text
    assert "nothing was changed" in text or "nothing was imported" in text
    return " ".join(text.split())


def deprivation(client, world, *files):
    return upload(client, world, "deprivation", *files, release="IoD2019", geography="lsoa11")


def existing_school():
    return School.objects.create(urn=100001, name="Hill Primary", lsoa_code="E01000001")


GIAS_HEADER = GIAS.splitlines()[0]


# Item 24: crashes become refusals ---------------------------------------------------------------


def test_undecodable_bytes_are_refused_naming_the_line(client, world):
    data = GIAS.encode() + b"100009,Bad \x81 name,x,Primary,Open,BD1,,,,\n"
    text = refused(upload(client, world, "schools", ("gias.csv", data)))
    assert "gias.csv" in text and "line 5" in text and "0x81" in text
    assert School.objects.count() == 0


def test_a_huge_cell_is_refused_naming_the_line(client, world):
    data = (GIAS + '100009,"' + "x" * 200_000 + '",x,Primary,Open,BD1,,,,\n').encode()
    text = refused(upload(client, world, "schools", ("gias.csv", data)))
    assert "line 5" in text and "longer than" in text


def test_a_rank_beyond_any_integer_is_refused_naming_row_and_column(client, world):
    bad = FILE1.replace('"29,199"', str(2**63))
    text = refused(deprivation(client, world, ("f1.csv", bad.encode())))
    assert "Index of Multiple Deprivation (IMD) Rank" in text and "out of range" in text
    assert (Release.objects.count(), Deprivation.objects.count()) == (0, 0)


@pytest.mark.parametrize("urn", [str(2**63), "-5"])
def test_a_urn_out_of_range_is_refused(client, world, urn):
    text = refused(
        upload(client, world, "schools", ("gias.csv", GIAS.replace("100003", urn).encode()))
    )
    assert "URN" in text and "out of range" in text
    assert School.objects.count() == 0


@pytest.mark.parametrize(
    ("features", "where"),
    [
        ({"a": 1}, "features"),
        ("abc", "features"),
        ([1, 2, 3], "features[0]"),
    ],
)
def test_geojson_whose_features_are_not_features_is_refused(client, world, features, where):
    data = json.dumps({"type": "FeatureCollection", "features": features}).encode()
    text = refused(upload(client, world, "geography", ("b.geojson", data)))
    assert f"b.geojson, {where}" in text


def test_geojson_whose_properties_are_a_list_is_refused_naming_the_path(client, world):
    good = square("E01000001", -1.8, 53.8)
    bad = {**square("E01000002", -1.79, 53.8), "properties": ["LSOA11CD", "E01000002"]}
    data = json.dumps({"type": "FeatureCollection", "features": [good, bad]}).encode()
    text = refused(upload(client, world, "geography", ("b.geojson", data)))
    assert "features[1].properties" in text
    assert LSOA.objects.count() == 0


def test_deeply_nested_json_is_refused(client, world):
    data = b'{"type": "FeatureCollection", "features": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    text = refused(upload(client, world, "geography", ("b.geojson", data)))
    assert "nested too deeply" in text and "the whole file" in text


# Item 25: wrong results -------------------------------------------------------------------------


def test_a_short_row_is_refused_and_keeps_the_school(client, world):
    existing_school()
    text = refused(
        upload(
            client,
            world,
            "schools",
            ("gias.csv", (GIAS_HEADER + "\n100001,Hill Primary\n").encode()),
        )
    )
    assert "row 2" in text and "2 cells but the header has 10 columns" in text
    assert School.objects.filter(urn=100001).exists()


def test_an_unterminated_quote_is_reported_as_a_malformed_row(client, world):
    existing_school()
    data = GIAS + '100004,"Unclosed,Community school,Primary,Open,BD1,,,,\n'
    text = refused(upload(client, world, "schools", ("gias.csv", data.encode())))
    assert "opened on line 5 is never closed" in text
    assert "is not a whole number" not in text
    assert School.objects.get(urn=100001).name == "Hill Primary"


@pytest.mark.parametrize("easting", ["1e300", "-5", "inf", "9000000"])
def test_an_easting_off_the_national_grid_is_refused(client, world, easting):
    data = GIAS.replace("416000", easting, 1)
    text = refused(upload(client, world, "schools", ("gias.csv", data.encode())))
    assert "row 2, column “Easting”" in text
    assert School.objects.count() == 0


def test_nul_bytes_are_refused(client, world):
    data = GIAS.replace("Hill Primary", "Hill\x00Primary").encode()
    text = refused(upload(client, world, "schools", ("gias.csv", data)))
    assert "NUL" in text and "line 2" in text


def test_a_header_only_file_is_refused(client, world):
    text = refused(upload(client, world, "schools", ("gias.csv", (GIAS_HEADER + "\n").encode())))
    assert "no data rows" in text


def test_duplicate_urns_are_refused_naming_both_rows(client, world):
    data = GIAS + GIAS.splitlines()[1].replace("Hill Primary", "Hill Primary Two") + "\n"
    text = refused(upload(client, world, "schools", ("gias.csv", data.encode())))
    assert "URN 100001 appears twice: on row 2 and on this row" in text
    assert "gias.csv, row 5" in text


def test_duplicate_geojson_features_are_refused_naming_both(client, world):
    data = squares(square("E01000001", -1.8, 53.8), square("E01000001", -1.7, 53.8))
    text = refused(upload(client, world, "geography", ("b.geojson", data)))
    assert "features[1].properties.LSOA11CD" in text and "features[0]" in text
    assert LSOA.objects.count() == 0


def test_renaming_a_ward_counts_as_an_update(client, world):
    upload(client, world, "geography", ("lookup.csv", WARDS.encode()))
    renamed = WARDS.replace(",North,", ",Northfield,").encode()
    # The job's page says what was done.
    text = upload(client, world, "geography", ("lookup.csv", renamed)).content.decode()
    assert "0 new, 1 updated, 2 unchanged" in text
    assert Ward.objects.get(code="E05000001").name == "Northfield"


def test_many_bad_rows_list_fifty_then_say_how_many_more_and_show_all_on_request(client, world):
    rows = [GIAS_HEADER]
    for i in range(1000):
        urn = "x" if i % 10 == 3 else str(200000 + i)
        rows.append(f"{urn},School {i},Community school,Primary,Open,BD1,,,,E08000032")
    text = refused(upload(client, world, "schools", ("gias.csv", "\n".join(rows).encode())))
    assert "… and 50 more problems." in text
    assert "Show all 100 problems" in text
    assert text.count("“x” is not a whole number") == 100 + 50 + 5


def test_one_bad_file_of_an_upload_keeps_none_of_them(client, world):
    good = squares(square("E01000001", -1.8, 53.8))
    bad = WARDS.replace("E05000002", "North")
    refused(upload(client, world, "geography", ("b.geojson", good), ("lookup.csv", bad.encode())))
    assert (LSOA.objects.count(), Ward.objects.count()) == (0, 0)


# The commands ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "name", "data", "where"),
    [
        ("import_schools", "gias.csv", b"URN\n\x81\n", "gias.csv, line 2"),
        (
            "import_geography",
            "b.geojson",
            b'{"features": "abc", "type": "FeatureCollection"}',
            "b.geojson, features",
        ),
        ("import_geography", "w.csv", WARDS.replace("E05000002", "North").encode(), "w.csv, row 3"),
    ],
)
def test_commands_print_the_refusal_and_fail(tmp_path, capsys, command, name, data, where):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match="nothing was imported"):
        call_command(command, str(path))
    assert where in capsys.readouterr().err


def test_import_deprivation_command_refuses_a_huge_rank(tmp_path, capsys):
    path = tmp_path / "f1.csv"
    path.write_bytes(FILE1.replace('"29,199"', str(2**63)).encode())
    with pytest.raises(CommandError):
        call_command("import_deprivation", str(path), "--release", "IoD2019")
    assert "f1.csv, row 3" in capsys.readouterr().err
    assert Release.objects.count() == 0
