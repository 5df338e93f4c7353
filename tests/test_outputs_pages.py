"""Output checking's pages, posted as a person would post them (tests/pageforms.py): uploading,
submitting, deciding, releasing, and using a released table as indicator data."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from actlocally.accessaudit.models import AccessEvent
from actlocally.measurement.models import DataPoint
from actlocally.outputs import services
from actlocally.outputs.models import OutputRequest
from tests import factories
from tests.pageforms import page_form, read_forms, submit

from .factories_outputs import output_world

pytestmark = pytest.mark.django_db

CSV = b"Ward,Dental,Other\nKeighley Central,212,1843\nCraven,8,1024\n"


@pytest.fixture
def w():
    la = factories.LocalAuthorityFactory(code="E08000032", name="Bradford")
    return output_world(partnership=factories.PartnershipFactory(local_authority=la))


def test_an_analyst_uploads_a_table_and_reads_what_would_leave(client, w):
    client.force_login(w.analyst)
    page = client.get(reverse("outputs_new", kwargs={"project_pk": w.project.pk}))
    form = (
        page_form(page, with_field="title")
        .set("title", "Dental by ward")
        .set("description", "By ward.")
    )
    form.choose("profile", "OpenSAFELY").attach("file", SimpleUploadedFile("t.csv", CSV))
    response = submit(client, page, form)
    output = OutputRequest.objects.get(title="Dental by ward")
    assert response.url == output.get_absolute_url()
    shown = client.get(output.get_absolute_url()).content.decode()
    # OpenSAFELY releases Craven's 8 (more than 7), rounded to 10; the raw 1843 never shows.
    assert '<td class="govuk-table__cell">Craven</td><td class="govuk-table__cell">10</td>' in shown
    assert "1843" not in shown and "1845" in shown


def test_a_bad_csv_is_refused_with_its_row_and_nothing_is_kept(client, w):
    client.force_login(w.analyst)
    page = client.get(reverse("outputs_new", kwargs={"project_pk": w.project.pk}))
    form = page_form(page, with_field="title").set("title", "Bad").set("description", "Bad.")
    form.attach("file", SimpleUploadedFile("t.csv", b"Ward,Dental\nA,12\nB\n"))
    response = submit(client, page, form)
    assert "Row 3 has 1 cells" in response.content.decode()
    assert not OutputRequest.objects.filter(title="Bad").exists()


def test_the_analyst_submits_to_two_checkers_from_the_page(client, w):
    client.force_login(w.analyst)
    page = client.get(w.output.get_absolute_url())
    form = page_form(page, with_field="checkers")
    form.choose("checkers", w.checkers[0].display_name)
    form.choose("checkers", w.checkers[1].display_name)
    submit(client, page, form)
    w.output.refresh_from_db()
    assert w.output.status == OutputRequest.Status.SUBMITTED


def test_choosing_one_checker_says_to_choose_two(client, w):
    client.force_login(w.analyst)
    page = client.get(w.output.get_absolute_url())
    form = page_form(page, with_field="checkers").choose("checkers", w.checkers[0].display_name)
    response = submit(client, page, form)
    assert "Choose two checkers" in response.content.decode()


def decide_from_the_page(client, output, checker, label="Approve for release", reason=""):
    client.force_login(checker)
    page = client.get(reverse("outputs_decide", kwargs={"pk": output.pk}))
    form = page_form(page, with_field="decision").choose("decision", label)
    return submit(client, page, form.set("reason", reason))


def test_two_checkers_decide_and_one_releases_from_the_page(client, w):
    services.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    decide_from_the_page(client, w.output, w.checkers[0])
    decide_from_the_page(client, w.output, w.checkers[1])
    page = client.get(w.output.get_absolute_url())
    release = reverse("outputs_release", kwargs={"pk": w.output.pk})
    form = next(f for f in read_forms(page.content) if f.action == release)
    response = submit(client, page, form)
    w.output.refresh_from_db()
    assert w.output.status == OutputRequest.Status.RELEASED
    assert response.url == w.output.get_released_url()


def test_viewing_an_output_is_in_the_access_audit(client, w):
    client.force_login(w.analyst)
    client.get(w.output.get_absolute_url())
    assert AccessEvent.objects.filter(person=w.analyst, kind="linked_output").exists()


def released(w):
    services.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    for checker in w.checkers[:2]:
        services.decide(output=w.output, decision="approve", by=checker)
    return services.release_output(output=w.output, by=w.checkers[0])


def test_a_released_table_becomes_indicator_data(client, w):
    factories.WardFactory(name="Keighley Central", code="E05001353")
    chosen = factories.PartnershipIndicatorFactory(partnership=w.project.partnership)
    coordinator = factories.MembershipFactory(
        partnership=w.project.partnership, role="coordinator"
    ).person
    output = released(w)
    client.force_login(coordinator)
    page = client.get(reverse("outputs_to_indicator", kwargs={"pk": output.pk}))
    form = page_form(page, with_field="period").choose("indicator", chosen.indicator.name)
    form.choose("numerator", "Dental").choose("denominator", "Total").set("period", "2023/24")
    submit(client, page, form)
    points = {(p.geography, p.numerator, p.denominator) for p in DataPoint.objects.all()}
    # Keighley Central as released (210 of 2055) and the area's total; Craven is not a ward
    # here, and its withheld count would have been left out anyway.
    assert ("ward", 210.0, 2055.0) in points and len(points) == 2


def test_the_overview_lists_released_statistics_and_the_analysts_way_in(client, w):
    output = released(w)
    member = factories.MembershipFactory(partnership=w.project.partnership).person
    client.force_login(member)
    page = client.get(reverse("partnership", kwargs={"slug": w.project.partnership.slug}))
    assert output.get_released_url() in page.content.decode()
    client.force_login(w.analyst)
    factories.MembershipFactory(partnership=w.project.partnership, person=w.analyst)
    page = client.get(reverse("partnership", kwargs={"slug": w.project.partnership.slug}))
    assert reverse("outputs_project", kwargs={"project_pk": w.project.pk}) in page.content.decode()


def test_the_overview_takes_an_analyst_to_the_projects_linked_data(client, w):
    factories.MembershipFactory(partnership=w.project.partnership, person=w.analyst)
    client.force_login(w.analyst)
    page = client.get(reverse("partnership", kwargs={"slug": w.project.partnership.slug}))
    assert reverse("linkage_project", kwargs={"pk": w.project.pk}) in page.content.decode()


def test_a_returned_output_is_resubmitted_from_the_page_to_the_same_two(client, w):
    services.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    for checker in w.checkers[:2]:
        decide_from_the_page(
            client, w.output, checker, label="Return for changes", reason="Merge small wards."
        )
    w.output.refresh_from_db()
    assert w.output.status == OutputRequest.Status.RETURNED
    client.force_login(w.analyst)
    page = client.get(w.output.get_absolute_url())
    url = reverse("outputs_submit", kwargs={"pk": w.output.pk})
    submit(client, page, next(f for f in read_forms(page.content) if f.action == url))
    w.output.refresh_from_db()
    assert w.output.status == OutputRequest.Status.SUBMITTED
    assert w.output.reviews.filter(round=2).count() == 2


def test_the_data_guardian_reads_views_and_releases_in_the_access_audit(client, w):
    output = released(w)
    client.force_login(w.analyst)
    client.get(output.get_absolute_url())
    guardian = factories.UserFactory(is_data_guardian=True)
    client.force_login(guardian)
    page = client.get(reverse("access_audit"), {"kind": "linked_output"})
    text = page.content.decode()
    assert "Released from output checking" in text and output.title in text
