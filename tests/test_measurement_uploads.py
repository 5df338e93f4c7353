"""Shared measurement data coming in: the upload (in the request and as a background job), its
checks and the API that writes data points, all or nothing, and the journey it ticks."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.measurement.importers import ImportRefused, import_figures
from actlocally.measurement.models import DataPoint
from tests.pageforms import page_form, submit

from .measurement_fixtures import *  # noqa: F403
from .measurement_fixtures import Y2324, area_rows, point

pytestmark = pytest.mark.django_db


# Uploads ---------------------------------------------------------------------------------------

GOOD = (
    "indicator,period,area code,numerator,denominator,value,note\n"
    "absence,2023/24,E01000001,60,500,,\n"
    "absence,2023/24,E01000002,40,500,,\n"
    "absence,2023/24,E08000032,500,10000,,Bradford\n"
)


def test_upload_with_errors_lists_each_row_and_column_and_saves_nothing(client, world, area):
    bad = (
        "Indicator,Period,Area code,Numerator,Denominator\n"
        "absence,2023/24,E01000001,60,500\n"
        "absence,2023-2025,E01000002,40,500\n"
        "absense,2023/24,E01000002,40,500\n"
        "absence,2023/24,E01999999,40,500\n"
        "absence,2023/24,E08000032,600,500\n"
    )
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_upload", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="file").attach(
        "file", SimpleUploadedFile("data.csv", bad.encode())
    )
    answer = submit(client, response, form)
    text = answer.content.decode()
    assert "4 problems to fix. Nothing was saved." in text
    assert "Period" in text and "two years in a row" in text
    assert "not an indicator in the library" in text
    assert "not an LSOA the platform knows" in text
    assert "cannot be more than the denominator" in text
    assert not DataPoint.objects.exists()


def test_good_upload_saves_every_row_and_ticks_the_journey(
    client, world, area, django_capture_on_commit_callbacks
):
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_upload", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="file").attach(
        "file", SimpleUploadedFile("data.csv", GOOD.encode())
    )
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, response, form)
    assert DataPoint.objects.count() == 3
    done = StepProgress.objects.filter(
        partnership=world.keighley,
        step__key__in=["collect-data", "monitor-progress"],
        status="done",
    )
    assert done.count() == 2


def test_a_large_upload_runs_as_a_background_job(
    client, world, area, monkeypatch, django_capture_on_commit_callbacks
):
    from actlocally.measurement import views

    monkeypatch.setattr(views, "BACKGROUND_BYTES", 10)
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_upload", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="file").attach(
        "file", SimpleUploadedFile("data.csv", GOOD.encode())
    )
    with django_capture_on_commit_callbacks(execute=True):
        started = submit(client, response, form)
    job = client.get(started["Location"])
    assert "See the partnership" in job.content.decode()
    assert DataPoint.objects.count() == 3


def test_a_refused_background_upload_lists_the_rows_on_the_job_page(
    client, world, area, monkeypatch, django_capture_on_commit_callbacks
):
    from actlocally.measurement import views

    monkeypatch.setattr(views, "BACKGROUND_BYTES", 10)
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_upload", kwargs={"slug": "keighley"}))
    bad = GOOD.replace("E01000002,40", "E01000002,-40")
    form = page_form(response, with_field="file").attach(
        "file", SimpleUploadedFile("data.csv", bad.encode())
    )
    with django_capture_on_commit_callbacks(execute=True):
        started = submit(client, response, form)
    job = client.get(started["Location"]).content.decode()
    assert "nothing was saved" in job and "A count cannot be negative." in job
    assert not DataPoint.objects.exists()


def test_xlsx_upload_reads_the_first_sheet(world, area):
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for line in GOOD.strip().splitlines():
        sheet.append(
            [
                float(c) if c.replace(".", "").isdigit() and i > 2 else c
                for i, c in enumerate(line.split(","))
            ]
        )
    out = io.BytesIO()
    book.save(out)
    saved = import_figures(
        data=out.getvalue(), name="data.xlsx", partnership=world.keighley, by=None
    )
    assert saved == 3


def test_uploading_the_same_file_twice_replaces_rather_than_doubles(world, area):
    import_figures(data=GOOD.encode(), name="a.csv", partnership=world.keighley, by=None)
    import_figures(data=GOOD.encode(), name="a.csv", partnership=world.keighley, by=None)
    assert DataPoint.objects.count() == 3


def test_a_file_without_the_columns_is_refused_by_its_header(world, area):
    with pytest.raises(ImportRefused) as refused:
        import_figures(
            data=b"lsoa,count\nE01000001,5\n", name="a.csv", partnership=world.keighley, by=None
        )
    assert refused.value.errors[0].row == 1
    assert "indicator" in refused.value.errors[0].message


def test_the_same_place_and_period_twice_in_a_file_is_refused(world, area):
    twice = GOOD + "absence,2023/24,E01000001,61,500,,\n"
    with pytest.raises(ImportRefused) as refused:
        import_figures(data=twice.encode(), name="a.csv", partnership=world.keighley, by=None)
    assert refused.value.errors[0].row == 5


def test_the_upload_page_names_the_columns(client, world, area):
    client.force_login(world.people["research_partner"])
    page = client.get(reverse("measurement_upload", kwargs={"slug": "keighley"}))
    assert "header names: indicator, period, area code, numerator" in page.content.decode()


def test_the_template_offers_the_columns_the_importer_reads(client, world, area):
    client.force_login(world.people["research_partner"])
    template = client.get(reverse("measurement_template", kwargs={"slug": "keighley"}))
    header = template.content.decode().lstrip("\ufeff").splitlines()[0]
    assert header == "indicator,period,area code,numerator,denominator,value,note"


# The API -----------------------------------------------------------------------------------------


def test_api_writes_data_points_all_or_nothing(client, world, area):
    client.force_login(world.people["research_partner"])
    url = reverse("api:data_points", kwargs={"slug": "keighley"})
    points = [
        {
            "indicator": "absence",
            "period": "2023/24",
            "area_code": "E01000001",
            "numerator": 60,
            "denominator": 500,
        },
        {
            "indicator": "absence",
            "period": "2023/24",
            "area_code": "E01000002",
            "numerator": -4,
            "denominator": 500,
        },
    ]
    refused = client.post(url, {"data_points": points}, content_type="application/json")
    assert refused.status_code == 400
    assert refused.json()["data_points"][0]["index"] == 1
    assert not DataPoint.objects.exists()
    points[1]["numerator"] = 40
    saved = client.post(url, {"data_points": points}, content_type="application/json")
    assert saved.status_code == 201 and saved.json() == {"saved": 2}


def test_api_refuses_data_from_a_member(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("api:data_points", kwargs={"slug": "keighley"})
    point = {"indicator": "absence", "period": "2023/24", "area_code": "area", "value": 5}
    assert (
        client.post(url, {"data_points": [point]}, content_type="application/json").status_code
        == 403
    )


def test_api_lists_indicators_with_judgements(client, world, area):
    area_rows(area)
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)
    client.force_login(world.people["member"])
    data = client.get(reverse("api:indicators", kwargs={"slug": "keighley"})).json()
    assert data[0]["compared_with_local_authority"]["result"] == "worse"
