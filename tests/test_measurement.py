"""Shared measurement: value checks per unit, area figures from LSOA rows, comparisons on the
page, suppression of small numbers everywhere, the forms, the upload, the API and the journey."""

import datetime

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.measurement import selectors, services
from actlocally.measurement.importers import ImportRefused, import_figures
from actlocally.measurement.models import DataPoint
from tests import factories
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def area(world):
    """Keighley's area of two LSOAs, and a chosen percentage indicator, lower is better."""
    lsoas = [factories.LsoaFactory(code=f"E0100000{i}") for i in (1, 2)]
    focus_area = factories.FocusAreaFactory(partnership=world.keighley)
    focus_area.lsoas.set(lsoas)
    chosen = factories.PartnershipIndicatorFactory(
        partnership=world.keighley,
        indicator__key="absence",
        indicator__name="Dental absence",
        focus_issue=world.focus,
    )
    return chosen


def point(indicator, geography, code, period, start, numerator, denominator, **extra):
    return factories.DataPointFactory(
        indicator=indicator,
        geography=geography,
        code=code,
        period=period,
        period_start=start,
        numerator=numerator,
        denominator=denominator,
        value=None if numerator is None else numerator / denominator * 100,
        **extra,
    )


Y2223 = ("2022/23", datetime.date(2022, 9, 1))
Y2324 = ("2023/24", datetime.date(2023, 9, 1))


def area_rows(chosen, n1=60, d1=500, n2=40, d2=500, period=Y2324):
    point(chosen.indicator, "lsoa", "E01000001", *period, n1, d1)
    point(chosen.indicator, "lsoa", "E01000002", *period, n2, d2)


def summary(chosen, user):
    return selectors.indicators_page(chosen.partnership, user)["rows"][0]


# Value checks per unit ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "figures", "field"),
    [
        ("proportion", {"numerator": None, "denominator": None, "value": 1.2}, "value"),
        ("percentage", {"numerator": None, "denominator": None, "value": 101}, "value"),
        ("percentage", {"numerator": 11, "denominator": 10, "value": None}, "numerator"),
        ("count", {"numerator": -1, "denominator": None, "value": None}, "numerator"),
        ("count", {"numerator": 2.5, "denominator": None, "value": None}, "numerator"),
        ("rate_1000", {"numerator": 5, "denominator": 0, "value": None}, "denominator"),
        ("rate_1000", {"numerator": None, "denominator": None, "value": -3}, "value"),
    ],
)
def test_figures_out_of_their_units_range_are_refused(unit, figures, field):
    indicator = factories.IndicatorFactory(unit=unit)
    with pytest.raises(ValidationError) as refused:
        services.check_figures(indicator, **figures)
    assert field in refused.value.message_dict


def test_a_rate_is_worked_out_from_numerator_and_denominator():
    indicator = factories.IndicatorFactory(unit="rate_1000")
    assert services.check_figures(indicator, numerator=5, denominator=2000, value=None)[2] == 2.5


def test_a_value_that_disagrees_with_its_numerator_and_denominator_is_refused():
    indicator = factories.IndicatorFactory(unit="percentage")
    with pytest.raises(ValidationError):
        services.check_figures(indicator, numerator=5, denominator=100, value=50)


# The partnership's area, from its LSOAs -------------------------------------------------------


def test_area_figure_is_summed_from_its_lsoas(world, area):
    area_rows(area)
    row = summary(area, world.people["member"])
    assert (row["latest"].numerator, row["latest"].denominator, row["latest"].value) == (
        100,
        1000,
        10.0,
    )
    assert row["latest"].lsoas == 2


def test_lsoas_outside_the_area_are_not_counted(world, area):
    area_rows(area)
    factories.LsoaFactory(code="E01000009")
    point(area.indicator, "lsoa", "E01000009", *Y2324, 500, 500)
    assert summary(area, world.people["member"])["latest"].numerator == 100


def test_the_areas_own_row_comes_before_its_lsoas(world, area):
    area_rows(area)
    point(
        area.indicator, "area", str(world.keighley.pk), *Y2324, 30, 600, partnership=world.keighley
    )
    assert summary(area, world.people["member"])["latest"].numerator == 30


# Comparisons on the page: both polarities, never colour alone --------------------------------


def test_page_says_worse_than_bradford_when_higher_and_lower_is_better(client, world, area):
    area_rows(area)  # 10.0%, 95% CI about 8.3% to 12.0%
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)  # 5%
    client.force_login(world.people["member"])
    response = client.get(reverse("measurement", kwargs={"slug": "keighley"}))
    assert (
        "Worse than Bradford: the difference is bigger than chance would explain, at 95% "
        "confidence." in response.content.decode()
    )


def test_higher_is_better_turns_the_same_figures_into_better(world, area):
    area.indicator.polarity = "higher_is_better"
    area.indicator.save()
    area_rows(area)
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)
    assert summary(area, world.people["member"])["vs_local_authority"].result == "better"


def test_benchmark_inside_the_interval_is_similar(world, area):
    area_rows(area)
    point(area.indicator, "england", "E92000001", *Y2324, 1000, 10000)  # 10%
    judgement = summary(area, world.people["member"])["vs_england"]
    assert judgement.result == "similar"
    assert judgement.sentence.startswith("Similar to England")


def test_no_benchmark_figure_is_not_compared(world, area):
    area_rows(area)
    judgement = summary(area, world.people["member"])["vs_england"]
    assert judgement.result == "not_compared"
    assert "no figure for England" in judgement.sentence


def test_change_from_a_typed_baseline_is_judged(world, area):
    area.baseline_period, area.baseline_value = "2022/23", 20.0
    area.save()
    area_rows(area)
    assert summary(area, world.people["member"])["change"]["words"] == "Better"


def test_trend_over_five_years_is_worked_out(world, area):
    for i, n in enumerate([100, 90, 80, 70, 60]):
        start = datetime.date(2019 + i, 9, 1)
        point(
            area.indicator,
            "area",
            str(world.keighley.pk),
            f"{2019 + i}/{20 + i}",
            start,
            n,
            1000,
            partnership=world.keighley,
        )
    trend = selectors.indicator_page(world.keighley, area.pk, world.people["member"])["trend"]
    assert trend["words"] == "Falling"
    assert trend["sentence"].startswith("Getting better.")


# Small numbers ---------------------------------------------------------------------------------


def test_small_counts_are_suppressed_for_members(world, area):
    area_rows(area, n1=3, n2=4)
    row = summary(area, world.people["member"])
    assert row["latest"].suppressed
    assert row["latest"].value is None and row["latest"].lower is None


def test_the_research_partner_sees_small_counts(world, area):
    area_rows(area, n1=3, n2=4)
    assert summary(area, world.people["research_partner"])["latest"].numerator == 7


def test_a_rate_on_a_suppressed_count_is_not_compared(world, area):
    area_rows(area, n1=3, n2=4)
    point(area.indicator, "la", "E08000032", *Y2324, 500, 10000)
    assert summary(area, world.people["member"])["vs_local_authority"].result == "not_compared"


def test_small_counts_are_suppressed_in_the_csv(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["member"])
    response = client.get(
        reverse("measurement_indicator_csv", kwargs={"slug": "keighley", "pk": area.pk})
    )
    body = response.content.decode()
    assert "suppressed" in body and ",7," not in body and "0.7" not in body


def test_small_counts_are_suppressed_on_the_indicator_page(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["member"])
    response = client.get(
        reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    )
    assert "Suppressed (small numbers)" in response.content.decode()


def test_small_counts_are_suppressed_in_the_api(client, world, area):
    area_rows(area, n1=3, n2=4)
    client.force_login(world.people["board"])
    data = client.get(
        reverse("api:indicator_data", kwargs={"slug": "keighley", "pk": area.pk})
    ).json()
    assert data["latest"]["suppressed"] is True
    assert data["latest"]["numerator"] is None
    assert data["data"][0]["area"]["value"] is None


def test_the_threshold_is_a_setting(settings, world, area):
    settings.MEASUREMENT_SMALL_NUMBER_THRESHOLD = 200
    area_rows(area)  # 100 events
    assert summary(area, world.people["member"])["latest"].suppressed


# Illustrative values are labelled --------------------------------------------------------------


def test_illustrative_indicators_say_so_on_the_page_and_in_the_file(client, world, area):
    area.indicator.illustrative = True
    area.indicator.save()
    area_rows(area)
    client.force_login(world.people["member"])
    page = client.get(reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk}))
    csv = client.get(
        reverse("measurement_indicator_csv", kwargs={"slug": "keighley", "pk": area.pk})
    )
    assert "made-up demonstration values" in page.content.decode()
    assert "illustrative" in csv["Content-Disposition"]
    assert "yes: illustrative values" in csv.content.decode()


# Query counts ----------------------------------------------------------------------------------


def test_indicator_page_queries_do_not_grow_with_data_points(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    client.get(url)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(3, 30):
        start = datetime.date(1990 + i, 9, 1)
        label = f"{1990 + i}/{(91 + i) % 100:02d}"
        point(area.indicator, "lsoa", "E01000001", label, start, 20, 100)
        point(area.indicator, "la", "E08000032", label, start, 200, 1000)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_indicators_page_queries_do_not_grow_with_indicators(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement", kwargs={"slug": "keighley"})
    area_rows(area)
    client.get(url)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        more = factories.PartnershipIndicatorFactory(partnership=world.keighley)
        area_rows(more)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


# Forms, posted as the page offers them ----------------------------------------------------------


def test_research_partner_chooses_an_indicator_with_a_baseline(client, world):
    indicator = factories.IndicatorFactory(
        local_authority=world.bradford, name="Healthy Start take-up"
    )
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_choose", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").choose("indicator", "Healthy Start take-up")
    form.set("baseline_period", "2022-23").set("baseline_value", "61.5")
    outcome = world.focus.outcomes.first()
    form.tick("outcomes", str(outcome.pk))
    submit(client, response, form)
    chosen = world.keighley.indicators.get(indicator=indicator)
    assert (chosen.baseline_period, chosen.baseline_value) == ("2022/23", 61.5)
    assert list(chosen.outcomes.all()) == [outcome]


def test_choosing_with_a_wrong_period_shows_the_error(client, world):
    factories.IndicatorFactory(local_authority=world.bradford, name="Healthy Start take-up")
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_choose", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").choose("indicator", "Healthy Start take-up")
    form.set("baseline_period", "last year").set("baseline_value", "61.5")
    answer = submit(client, response, form)
    assert "Write the period like" in answer.content.decode()
    assert not world.keighley.indicators.exists()


def test_coordinator_defines_an_indicator_in_the_library(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("measurement_define", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="definition")
    form.set("name", "Healthy Start take-up").set("key", "healthy-start")
    form.set("definition", "Eligible families who use Healthy Start.")
    form.choose("unit", "Percentage").choose("polarity", "Higher is better")
    form.set("period_type", "financial_year").set("frequency", "annual")
    form.set("source", "NHS Business Services Authority").set("licence", "OGL v3.0")
    submit(client, response, form)
    assert world.bradford.indicators.filter(key="healthy-start", unit="percentage").exists()


def test_a_figure_typed_in_the_form_is_saved(client, world, area):
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_data_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").set("indicator", str(area.indicator.pk))
    form.choose("geography", "The partnership's area")
    form.set("period", "2023/24").set("numerator", "12").set("denominator", "240")
    submit(client, response, form)
    saved = DataPoint.objects.get(indicator=area.indicator, geography="area")
    assert saved.value == 5.0


def test_a_proportion_over_one_typed_in_the_form_is_refused(client, world):
    indicator = factories.IndicatorFactory(local_authority=world.bradford, unit="proportion")
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_data_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").set("indicator", str(indicator.pk))
    form.choose("geography", "England").set("period", "2023/24").set("value", "1.5")
    answer = submit(client, response, form)
    assert "A proportion is from 0 to 1." in answer.content.decode()
    assert not DataPoint.objects.exists()


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


# The theory of change ----------------------------------------------------------------------------


def test_theory_of_change_lists_indicators_under_their_outcome(world, area):
    from actlocally.theory.links import links_for

    outcome = world.focus.outcomes.first()
    area.outcomes.add(outcome)
    kinds = links_for(world.keighley, [outcome.pk])[outcome.pk]
    indicators = next(k for k in kinds if k["kind"].key == "indicators")
    assert [link.label for link in indicators["links"]] == ["Dental absence"]


def test_a_warm_indicator_page_reads_its_figures_from_the_cache(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert len(warm) < len(cold)


def test_an_indicator_page_shows_a_new_figure_at_once(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    client.get(url)
    point(area.indicator, "la", "E08000032", "2030/31", datetime.date(2030, 9, 1), 333, 1000)
    assert "2030/31" in client.get(url).text
