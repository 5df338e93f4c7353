"""Property-based fuzzing of every importer (deprivation releases, the LSOA → ward and LSOA 2011 →
2021 lookups, boundaries GeoJSON, GIAS schools) and of the upload page and import commands:
arbitrary bytes and mutated good files (truncated, rows duplicated, cells made huge, negative,
non-numeric or unicode, columns dropped, quotes left open, JSON nested or reshaped).

Whatever the file, an importer either imports it or refuses it with `ImportRefused`; a refusal
writes nothing, and every problem it lists names its file and its row (and column) or its place
in the JSON.
"""

import contextlib
import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from actlocally.places.importers import (
    ImportRefused,
    import_boundaries,
    import_deprivation,
    import_lookup,
    import_schools,
)
from actlocally.places.models import LSOA, Deprivation, LsoaLink, Release, School, Ward
from tests.pageforms import page_form, submit
from tests.test_places_importers import FILE1, FILE6, GIAS, SCORES, WARDS, square

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

LINKS = "LSOA11CD,CHGIND,LSOA21CD\nE01000001,S,E01000010\nE01000001,S,E01000011\n"
BOUNDARIES = {
    "type": "FeatureCollection",
    "features": [square("E01000001", -1.80, 53.80), square("E01000002", -1.79, 53.80)],
}

# What a cell may be turned into.
CELLS = st.one_of(
    st.sampled_from(
        [
            "",
            "-1",
            "0",
            str(2**63),
            str(2**31),
            "9" * 5000,
            "1e300",
            "-1e300",
            "inf",
            "nan",
            "Open",
            "Closed",
            "E01000001",
            "E05000001",
            '"',
            "x" * 300,
            "\u202eevil",
            "=1+1",
        ]
    ),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=20),
)


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


@st.composite
def mutated_csv(draw, seed: str) -> bytes:
    """A good CSV with a few things done to it."""
    rows = rows_of(seed)
    for _ in range(draw(st.integers(0, 4))):
        action = draw(
            st.sampled_from(
                ["cell", "duplicate", "drop column", "short row", "extra cell", "header"]
            )
        )
        r = 0 if action == "header" else draw(st.integers(1, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r]) - 1)) if rows[r] else 0
        if action == "cell" and rows[r]:
            rows[r][c] = draw(CELLS)
        elif action == "duplicate":
            rows.append(list(rows[r]))
        elif action == "drop column":
            rows = [row[:c] + row[c + 1 :] for row in rows]
        elif action == "short row":
            rows[r] = rows[r][:c]
        elif action == "extra cell":
            rows[r].append(draw(CELLS))
        elif action == "header" and rows[0]:
            rows[0][c] = draw(st.sampled_from(["", "URN", "LSOA code", "x", rows[0][c] * 2]))
    out = io.StringIO()
    csv.writer(out, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))).writerows(rows)
    data = out.getvalue().encode(
        draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"])), "replace"
    )
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    if draw(st.booleans()):
        at = draw(st.integers(0, len(data)))
        data = (
            data[:at]
            + draw(st.sampled_from([b'"', b"\x00", b"\x81", b"\n", b",", b"\r"]))
            + data[at:]
        )
    return data


def csv_files(seed: str):
    return st.one_of(mutated_csv(seed), st.binary(max_size=300))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def mutated_geojson(draw) -> bytes:
    collection = json.loads(json.dumps(BOUNDARIES))
    features = collection["features"]
    for _ in range(draw(st.integers(0, 3))):
        action = draw(
            st.sampled_from(
                [
                    "features",
                    "feature",
                    "properties",
                    "property",
                    "geometry",
                    "coordinates",
                    "duplicate",
                    "nest",
                ]
            )
        )
        f = (
            features[draw(st.integers(0, len(features) - 1))]
            if isinstance(features, list) and features
            else {}
        )
        if action == "features":
            collection["features"] = features = draw(JSON_VALUES) if draw(st.booleans()) else []
        elif action == "feature" and isinstance(features, list) and features:
            features[0] = draw(JSON_VALUES)
        elif action == "properties" and isinstance(f, dict):
            f["properties"] = draw(JSON_VALUES)
        elif action == "property" and isinstance(f, dict) and isinstance(f.get("properties"), dict):
            key = draw(
                st.sampled_from(["LSOA11CD", "LSOA11NM", "LAD25CD", "LADCD_ACTIVE", "WD25CD"])
            )
            f["properties"][key] = draw(st.one_of(JSON_VALUES, CELLS))
        elif action == "geometry" and isinstance(f, dict):
            f["geometry"] = draw(JSON_VALUES)
        elif (
            action == "coordinates" and isinstance(f, dict) and isinstance(f.get("geometry"), dict)
        ):
            f["geometry"]["coordinates"] = draw(
                st.one_of(JSON_VALUES, st.just([[[1e308, 1e308], [0, 0], [1, 1]]]), st.just([[]]))
            )
        elif action == "duplicate" and isinstance(features, list) and features:
            features.append(json.loads(json.dumps(features[0])))
        elif action == "nest":
            depth = draw(st.integers(1, 50_000))
            return b'{"type":"FeatureCollection","features":' + b"[" * depth + b"]" * depth + b"}"
    data = json.dumps(collection).encode()
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


def snapshot():
    """Everything the importers write, to compare before and after a refusal."""
    return (
        sorted(Release.objects.values_list("key", "geography", "files")),
        sorted(Deprivation.objects.values_list("release_id", "lsoa_id", "imd_rank", "imd_decile")),
        sorted(LSOA.objects.values_list("geography", "code", "name", "ward_id", "geometry")),
        sorted(Ward.objects.values_list("code", "name", "la_code", "la_name", "geometry")),
        sorted(School.objects.values_list("urn", "name", "latitude", "longitude", "lsoa_code")),
        sorted(LsoaLink.objects.values_list("lsoa11_id", "lsoa21_id", "change")),
        LSOA.neighbours.through.objects.count(),
    )


def check(run, name: str):
    """Run one import; if it is refused, nothing changed and every problem says where it is."""
    before = snapshot()
    try:
        run()
    except ImportRefused as refused:
        assert refused.errors, "a refusal lists at least one problem"
        for error in refused.errors:
            assert error.file and (error.file == name or name in error.file), error
            assert error.row is not None or error.column, f"{error} names no row or place"
            assert error.message
        assert snapshot() == before, "a refused file wrote something"


@pytest.fixture
def loaded(db):
    """Good files already imported, so a bad one could only spoil them by writing."""
    import_deprivation(
        release_key="IoD2019",
        year=2019,
        geography="lsoa11",
        files=[
            (n, t.encode()) for n, t in [("f1.csv", FILE1), ("f6.csv", FILE6), ("s.csv", SCORES)]
        ],
    )
    import_lookup(source=WARDS.encode(), name="wards.csv")
    import_lookup(source=LINKS.encode(), name="links.csv")
    import_boundaries(source=json.dumps(BOUNDARIES).encode(), name="b.geojson")
    import_schools(source=GIAS.encode(), name="gias.csv")


@pytest.mark.parametrize("seed", [FILE1, FILE6, SCORES], ids=["file1", "file6", "scores"])
def test_deprivation_import_never_crashes_and_refuses_cleanly(loaded, seed):
    @given(data=csv_files(seed), geography=st.sampled_from(["lsoa11", "lsoa21"]))
    def run(data, geography):
        check(
            lambda: import_deprivation(
                release_key="IoD2019", year=2019, geography=geography, files=[("f.csv", data)]
            ),
            "f.csv",
        )

    run()


@pytest.mark.parametrize("seed", [WARDS, LINKS], ids=["wards", "links"])
def test_lookup_import_never_crashes_and_refuses_cleanly(loaded, seed):
    @given(data=csv_files(seed))
    def run(data):
        check(lambda: import_lookup(source=data, name="lookup.csv"), "lookup.csv")

    run()


def test_schools_import_never_crashes_and_refuses_cleanly(loaded):
    @given(data=csv_files(GIAS))
    def run(data):
        check(lambda: import_schools(source=data, name="gias.csv"), "gias.csv")

    run()


def test_boundaries_import_never_crashes_and_refuses_cleanly(loaded):
    @given(data=st.one_of(mutated_geojson(), st.binary(max_size=200)))
    def run(data):
        check(lambda: import_boundaries(source=data, name="b.geojson"), "b.geojson")

    run()


@settings(max_examples=max(5, settings.default.max_examples // 5))
@given(
    kind=st.sampled_from(["deprivation", "geography", "schools"]),
    name=st.sampled_from(["f.csv", "b.geojson"]),
    data=st.one_of(st.binary(max_size=300), mutated_csv(GIAS), mutated_geojson()),
)
def test_the_upload_page_never_fails_whatever_the_file(client, world, kind, name, data):
    client.force_login(world.people["research_partner"])
    page = client.get(reverse("places_upload"))
    form = page_form(page, with_field="kind").set("kind", kind)
    form.set("release", "IoD2019").set("geography", "lsoa11")
    form.attach("files", SimpleUploadedFile(name, data))
    response = submit(client, page, form)
    assert response.status_code in (200, 302)


@settings(max_examples=max(5, settings.default.max_examples // 5))
@given(
    command=st.sampled_from(["import_schools", "import_geography", "import_deprivation"]),
    name=st.sampled_from(["f.csv", "b.geojson"]),
    data=st.one_of(st.binary(max_size=300), mutated_csv(FILE1), mutated_geojson()),
)
def test_the_import_commands_never_crash_whatever_the_file(tmp_path, command, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    extra = ["--release", "IoD2019"] if command == "import_deprivation" else []
    # A refusal is a CommandError: printed, and the command exits 1. Anything else fails here.
    with contextlib.suppress(CommandError):
        call_command(command, str(path), *extra, stdout=io.StringIO(), stderr=io.StringIO())
