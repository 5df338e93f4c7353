"""The impact report: what its page and its PDF say (read back with pypdf), that only
publishable case studies and shared lessons appear, publishing it on the public page, the
charts hook, and the Share & Refine step it ticks."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils.safestring import mark_safe
from pypdf import PdfReader

from actlocally.journey.models import StepProgress
from actlocally.measurement import selectors as measurement
from actlocally.review import report as reports
from actlocally.review import services
from tests import factories
from tests import factories_review as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(world):
    p = world.keighley
    world.focus.title = "Oral health and nutrition"
    world.focus.save()
    factories.ActionFactory(
        partnership=p, title="Tooth brushing kits", due_on=datetime.date(2024, 3, 1)
    )
    factories.ActionFactory(
        partnership=p, title="Next year's action", due_on=datetime.date(2024, 10, 1)
    )
    chosen = factories.PartnershipIndicatorFactory(partnership=p, indicator__name="Dental absence")
    factories.DataPointFactory(
        indicator=chosen.indicator,
        geography="area",
        code=str(p.pk),
        partnership=p,
        numerator=40,
        denominator=400,
        value=10.0,
    )
    factories.DataPointFactory(indicator=chosen.indicator)
    review = services.open_review(partnership=p, academic_year="2023/24", by=None)
    services.agree_review(
        review=review,
        agreed={
            a.pk: ("amber", f"Reason for {a.name}")
            for a in review.partnership.local_authority.evaluation_areas.all()
        },
        by=None,
    )
    f.PublishableCaseStudyFactory(
        partnership=p, title="The brushing club", story="Parents told us."
    )
    f.CaseStudyFactory(partnership=p, title="A private story")
    f.LessonFactory(partnership=p, title="Meet in schools", shared_with_board=True)
    f.LessonFactory(partnership=p, title="Internal lesson")
    factories.EarlyImpactFactory(
        partnership=p, period="2023 to 2024", text="2,500 tooth brushing kits"
    )
    return services.save_impact_report(partnership=p, academic_year="2023/24", by=None)


@pytest.fixture
def page(client, world, report):
    client.force_login(world.people["member"])
    return client.get(report.get_absolute_url()).content.decode()


@pytest.fixture
def pdf_text(report):
    pdf = PdfReader(io.BytesIO(reports.render_pdf(report)))
    return "\n".join(p.extract_text() for p in pdf.pages)


def test_report_page_shows_the_focus_issue(page):
    assert "Oral health and nutrition" in page


def test_report_page_lists_the_years_actions_only(page):
    assert "Tooth brushing kits" in page and "Next year&#x27;s action" not in page


def test_report_page_shows_the_indicator_with_its_comparison_sentence(page, world):
    row = measurement.indicators_page(world.keighley, world.people["member"])["rows"][0]
    assert "Dental absence" in page and str(row["vs_local_authority"].sentence) in page


def test_report_page_shows_the_agreed_capability_ratings(page):
    assert 'govuk-tag--orange">Amber</strong>' in page and "Reason for Common agenda" in page


def test_report_shows_only_publishable_case_studies(page):
    assert "The brushing club" in page and "A private story" not in page


def test_report_shows_only_lessons_shared_with_the_board(page):
    assert "Meet in schools" in page and "Internal lesson" not in page


def test_report_shows_the_years_early_impact(page):
    assert "2,500 tooth brushing kits" in page


def test_pdf_is_a_pdf(report):
    assert reports.render_pdf(report).startswith(b"%PDF")


@pytest.mark.parametrize(
    "words",
    [
        "Our impact in 2023/24",
        "Oral health and nutrition",
        "Tooth brushing kits",
        "Dental absence",
        "Reason for Common agenda",
        "The brushing club",
        "Meet in schools",
    ],
)
def test_pdf_says(pdf_text, words):
    assert words in pdf_text


def test_pdf_leaves_out_what_is_not_public(pdf_text):
    assert "A private story" not in pdf_text and "Internal lesson" not in pdf_text


def test_pdf_download_is_an_attachment(client, world, report):
    client.force_login(world.people["member"])
    response = client.get(
        reverse("review_report_pdf", kwargs={"slug": "keighley", "year": "2023-24"})
    )
    assert response["Content-Disposition"].startswith('attachment; filename="impact-report-')


def test_an_unpublished_report_is_not_public(client, report):
    assert client.get(report.get_public_url()).status_code == 404


def test_coordinator_publishes_the_report_from_its_page(client, world, report):
    client.force_login(world.people["coordinator"])
    response = client.get(report.get_absolute_url())
    from tests.pageforms import page_form, submit

    submit(client, response, page_form(response, with_field="publish"))
    report.refresh_from_db()
    assert report.published_on is not None


def test_a_published_report_is_on_the_public_area_page(client, world, report):
    services.publish_report(report=report, by=None)
    area = client.get(reverse("area", kwargs={"slug": "keighley"})).content.decode()
    assert report.get_public_url() in area


def test_the_public_report_opens_without_an_account(client, report):
    services.publish_report(report=report, by=None)
    response = client.get(report.get_public_url())
    assert response.status_code == 200 and "The brushing club" in response.content.decode()


@pytest.mark.parametrize("year", ["2023-25", "abc", "2023/24", "9999-00", "-", "2023-24x"])
def test_a_bad_year_is_404(client, world, report, year):
    client.force_login(world.people["member"])
    assert client.get(f"/partnerships/keighley/review/reports/{year}/").status_code == 404


def test_publishing_ticks_share_findings(report, world):
    services.publish_report(report=report, on=datetime.date(2024, 10, 1), by=None)
    progress = StepProgress.objects.get(partnership=world.keighley, step__key="share-findings")
    assert (progress.status, progress.on) == ("done", datetime.date(2024, 10, 1))


def test_registered_charts_appear_beside_their_indicator(page, client, world, report):
    def provider(*, partnership, rows, user):
        return {
            rows[0]["chosen"].pk: [
                {"title": "Trend", "svg": mark_safe('<svg id="trend-chart"></svg>'), "table": []}
            ]
        }

    reports.register_report_charts(provider)
    try:
        client.force_login(world.people["member"])
        assert 'id="trend-chart"' in client.get(report.get_absolute_url()).content.decode()
    finally:
        reports._CHART_PROVIDERS.remove(provider)


def test_illustrative_content_labels_the_report(client, world, report):
    f.LessonFactory(
        partnership=world.keighley, title="Demo", shared_with_board=True, illustrative=True
    )
    client.force_login(world.people["member"])
    assert (
        "Illustrative: this report includes made-up"
        in client.get(report.get_absolute_url()).content.decode()
    )


def test_report_page_draws_each_indicators_trend_beside_it(page):
    assert '<figure class="app-report-chart"><svg' in page


def test_a_typed_indicator_name_is_text_in_the_reports_chart(client, world, report):
    chosen = world.keighley.indicators.get()
    chosen.indicator.name = "<script>alert(1)</script>"
    chosen.indicator.save()
    client.force_login(world.people["member"])
    assert "<script>alert" not in client.get(report.get_absolute_url()).content.decode()


def charted_indicator(p, name):
    chosen = factories.PartnershipIndicatorFactory(partnership=p, indicator__name=name)
    for year in (2022, 2023):
        factories.DataPointFactory(
            indicator=chosen.indicator,
            geography="area",
            code=str(p.pk),
            partnership=p,
            period=f"{year}/{(year + 1) % 100:02d}",
            period_start=datetime.date(year, 9, 1),
            numerator=40 + year % 10,
            denominator=400,
            value=(40 + year % 10) / 4,
        )
    return chosen


def test_the_reports_charts_read_nothing_per_indicator(world, django_assert_num_queries):
    p = world.keighley
    for n in range(3):
        charted_indicator(p, f"Indicator {n}")
    member = world.people["member"]
    rows = measurement.indicators_page(p, member)["rows"]
    with django_assert_num_queries(0):
        charts = reports.report_charts(p, rows, member)
    assert len(charts) == 3
