"""Bulk exports run as background jobs, from the page: England's whole ranking and a
partnership's whole history. The job's page shows progress; the file downloads for the person who
started it, and for nobody else."""

import csv
import io

import pytest
from django.urls import reverse

from actlocally.jobs.models import Job
from actlocally.jobs.tasks import purge_old_records
from tests import factories
from tests.pageforms import page_form, read_forms, submit


@pytest.fixture
def england(world):
    """A ward in Bradford and one in Leeds, each with two LSOAs."""
    release = factories.ReleaseFactory()
    for la_code, la_name, name in [
        ("E08000032", "Bradford", "Keighley Central"),
        ("E08000035", "Leeds", "Armley"),
    ]:
        ward = factories.WardFactory(name=name, la_code=la_code, la_name=la_name)
        for decile in (1, 4):
            lsoa = factories.LsoaFactory(ward=ward, la_code=la_code, la_name=la_name)
            factories.DeprivationFactory(release=release, lsoa=lsoa, imd_decile=decile)
    return release


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def form_to(page, path: str):
    """The page's POST form that goes to `path` (the header also has a sign-out form)."""
    assert page.status_code == 200
    (form,) = [f for f in read_forms(page.content) if f.method == "post" and path in f.action]
    return form


def start_england_export(client, capture, level="ward"):
    page = client.get(reverse("places_ranking", kwargs={"la": "E08000032"}) + f"?level={level}")
    form = form_to(page, reverse("places_ranking_export"))
    with capture(execute=True):
        started = submit(client, page, form)
    return started


def test_england_ranking_is_made_by_a_job_and_downloads_from_its_page(
    client, world, england, django_capture_on_commit_callbacks
):
    client.force_login(world.people["observer"])
    started = start_england_export(client, django_capture_on_commit_callbacks)

    job = Job.objects.get()
    assert started.url == job.get_absolute_url()
    page = client.get(started.url).content.decode()
    assert "100% done" in page and "2 areas ranked" in page
    download = client.get(reverse("job_download", kwargs={"pk": job.pk}))
    assert download["Content-Disposition"].startswith('attachment; filename="england-ward-imd')
    assert sorted(row[1] for row in rows_of(download)[1:]) == ["Armley", "Keighley Central"]


def test_england_lsoa_ranking_has_every_lsoa(
    client, world, england, django_capture_on_commit_callbacks
):
    client.force_login(world.people["observer"])
    start_england_export(client, django_capture_on_commit_callbacks, level="lsoa")

    download = client.get(reverse("job_download", kwargs={"pk": Job.objects.get().pk}))
    assert len(rows_of(download)) == 1 + 4


def test_a_queued_export_page_shows_it_waiting_and_polls(client, world, england):
    client.force_login(world.people["observer"])
    page = client.get(reverse("places_ranking_export") + "?level=ward")
    # Not run: the worker has not taken it yet (the commit callbacks are held back).
    started = submit(client, page, form_to(page, reverse("places_ranking_export")))

    waiting = client.get(started.url).content.decode()
    assert "Waiting to start" in waiting and "0% done" in waiting and "hx-trigger" in waiting
    assert (
        client.get(reverse("job_download", kwargs={"pk": Job.objects.get().pk})).status_code == 404
    )


@pytest.mark.parametrize("role", ["member", "staff"])
def test_only_whoever_started_an_export_may_download_it(
    client, world, england, django_capture_on_commit_callbacks, role
):
    client.force_login(world.people["observer"])
    start_england_export(client, django_capture_on_commit_callbacks)
    job = Job.objects.get()

    client.force_login(world.people[role])
    assert client.get(reverse("job_download", kwargs={"pk": job.pk})).status_code == 404


def test_staff_see_the_job_but_no_link_to_its_file(
    client, world, england, django_capture_on_commit_callbacks
):
    client.force_login(world.people["observer"])
    start_england_export(client, django_capture_on_commit_callbacks)
    job = Job.objects.get()

    client.force_login(world.people["staff"])
    page = client.get(job.get_absolute_url()).content.decode()
    assert "100% done" in page and reverse("job_download", kwargs={"pk": job.pk}) not in page


def test_whole_history_is_made_by_a_job_and_downloads(
    client, world, django_capture_on_commit_callbacks
):
    coordinator = world.people["coordinator"]
    client.force_login(coordinator)
    edit = client.get(reverse("partnership_edit", kwargs={"slug": "keighley"}))
    submit(client, edit, page_form(edit, with_field="name").set("name", "=Keighley together"))
    page = client.get(reverse("history", kwargs={"slug": "keighley"}))
    form = form_to(page, reverse("history_export", kwargs={"slug": "keighley"}))
    with django_capture_on_commit_callbacks(execute=True):
        started = submit(client, page, form)

    job = Job.objects.get(kind="partnerships.history_export")
    assert started.url == job.get_absolute_url()
    assert "Download the history (CSV)" in client.get(started.url).content.decode()
    rows = rows_of(client.get(reverse("job_download", kwargs={"pk": job.pk})))
    assert rows[0] == ["when", "who", "action", "what", "record", "changes"]
    changed = [r for r in rows[1:] if "Keighley together" in r[5]]
    # Who made the change is named; what they typed cannot run as a formula.
    assert changed and changed[0][1] == coordinator.full_name
    assert "name: Act Locally: Keighley → =Keighley together" in changed[0][5]
    assert not changed[0][4].startswith("=")


def test_a_member_may_not_export_the_history(client, world):
    client.force_login(world.people["member"])
    response = client.post(reverse("history_export", kwargs={"slug": "keighley"}))
    assert response.status_code == 403 and not Job.objects.exists()


def test_purging_an_old_export_deletes_its_file(
    client, world, england, django_capture_on_commit_callbacks, settings
):
    from django.core.files.storage import default_storage

    client.force_login(world.people["observer"])
    start_england_export(client, django_capture_on_commit_callbacks)
    job = Job.objects.get()
    settings.RETENTION_DAYS = -1

    purge_old_records.call()
    assert not Job.objects.exists() and not default_storage.exists(job.result_file)
