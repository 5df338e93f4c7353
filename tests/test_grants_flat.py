"""The 360Giving flat form: XLSX and CSV under the standard's column titles, turned back into a
JSON package by the standard's own tool (flattentool) that is valid against the shipped schema;
formulas in typed text are neutralised; the command and the public page give the same files."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from flattentool import unflatten
from openpyxl import load_workbook

from actlocally.grants import threesixty, threesixty_flat
from actlocally.places.models import Ward
from tests import factories_grants as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="published"
    )
    ward = Ward.objects.create(
        code="E05001356", name="Keighley Central", la_code="E08000032", la_name="Bradford"
    )
    f.AwardFactory(
        application__round=funding_round,
        application__charity_number="1234567",
        application__ward=ward,
        application__project_title='=HYPERLINK("http://evil.example","Click")',
        amount_pence=250_050,
    )
    f.AwardFactory(
        application__round=funding_round,
        application__charity_number="",
        application__company_number="09876543",
    )
    return funding_round


def _package():
    return threesixty.package(threesixty.published_awards())


def _round_trip(tmp_path, input_name, input_format):
    # flattentool reads the grant schema (the list's items); its references are all inside it.
    schema = threesixty.STANDARD / "360-giving-schema.json"
    data = _package()
    base = tmp_path / "base.json"
    base.write_text(json.dumps({k: v for k, v in data.items() if k != "grants"}))
    output = tmp_path / "out.json"
    unflatten(
        str(input_name),
        input_format=input_format,
        output_name=str(output),
        root_list_path="grants",
        schema=str(schema),
        convert_titles=True,
        base_json=str(base),
    )
    return json.loads(output.read_text())


def test_headings_are_the_standards_column_titles():
    assert threesixty_flat.headings()[:3] + threesixty_flat.headings()[10:12] == [
        "Identifier",
        "Title",
        "Description",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
    ]


def test_xlsx_turns_back_into_valid_360giving_with_flattentool(published, tmp_path):
    path = tmp_path / "grants.xlsx"
    path.write_bytes(threesixty_flat.to_xlsx(_package()))
    assert threesixty.errors_in(_round_trip(tmp_path, path, "xlsx")) == []


def test_csv_turns_back_into_valid_360giving_with_flattentool(published, tmp_path):
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "grants.csv").write_text(threesixty_flat.to_csv(_package()), encoding="utf-8")
    assert threesixty.errors_in(_round_trip(tmp_path, folder, "csv")) == []


def test_round_trip_keeps_the_identifiers_amounts_and_recipients(published, tmp_path):
    path = tmp_path / "grants.xlsx"
    path.write_bytes(threesixty_flat.to_xlsx(_package()))
    back = _round_trip(tmp_path, path, "xlsx")["grants"]
    original = _package()["grants"]

    def key(grants):
        return sorted(
            (g["id"], g["amountAwarded"], g["recipientOrganization"][0]["id"]) for g in grants
        )

    assert key(back) == key(original)


def test_round_trip_keeps_the_beneficiary_location(published, tmp_path):
    path = tmp_path / "grants.xlsx"
    path.write_bytes(threesixty_flat.to_xlsx(_package()))
    back = _round_trip(tmp_path, path, "xlsx")["grants"]
    located = next(g for g in back if "beneficiaryLocation" in g)
    assert located["beneficiaryLocation"][0]["geoCode"] == "E05001356"


def test_xlsx_cell_of_typed_text_is_never_a_formula(published):
    workbook = load_workbook(io.BytesIO(threesixty_flat.to_xlsx(_package())))
    cells = [c for row in workbook["grants"].iter_rows() for c in row]
    assert [c.value for c in cells if c.data_type == "f"] == []
    assert any(str(c.value).startswith("'=HYPERLINK") for c in cells)


def test_csv_cell_of_typed_text_starts_with_an_apostrophe(published):
    rows = list(csv.reader(io.StringIO(threesixty_flat.to_csv(_package()))))
    titles = [row[rows[0].index("Title")] for row in rows[1:]]
    assert any(t.startswith("'=HYPERLINK") for t in titles)


def test_amounts_stay_numbers_in_the_xlsx(published):
    workbook = load_workbook(io.BytesIO(threesixty_flat.to_xlsx(_package())))
    sheet = workbook["grants"]
    column = [c.value for c in sheet[1]].index("Amount Awarded")
    assert sorted(row[column].value for row in sheet.iter_rows(min_row=2)) == [2500.5, 3000]


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_command_writes_the_flat_form(published, tmp_path, fmt):
    out = tmp_path / f"grants.{fmt}"
    call_command("export_360giving", "--format", fmt, "--output", str(out))
    expected = threesixty_flat.to_xlsx(_package()) if fmt == "xlsx" else None
    assert out.stat().st_size > 0 and (expected is None or out.read_bytes()[:2] == b"PK")


def test_public_page_offers_the_flat_downloads(client, published):
    page = client.get(reverse("grants_public_round", kwargs={"pk": published.pk})).content
    assert b"360giving.xlsx" in page and b"360giving.csv" in page


@pytest.mark.parametrize(("fmt", "starts"), [("xlsx", b"PK"), ("csv", b"Identifier")])
def test_public_flat_download(client, published, fmt, starts):
    response = client.get(
        reverse("grants_public_360giving_flat", kwargs={"pk": published.pk, "fmt": fmt})
    )
    assert (response.status_code, response.content[: len(starts)]) == (200, starts)


def test_public_flat_download_of_an_unknown_format_is_not_found(client, published):
    response = client.get(
        reverse("grants_public_360giving_flat", kwargs={"pk": published.pk, "fmt": "ods"})
    )
    assert response.status_code == 404


def test_flat_download_of_an_unpublished_round_is_not_found(client, world):
    decided = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="decided"
    )
    response = client.get(
        reverse("grants_public_360giving_flat", kwargs={"pk": decided.pk, "fmt": "csv"})
    )
    assert response.status_code == 404
