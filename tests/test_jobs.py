"""Background jobs: uploads run as jobs, the progress page (polling, no-JS refresh, who sees it),
failures, the scheduler's timetable and the worker heartbeat."""

import datetime
import logging

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actlocally.jobs import schedule, services
from actlocally.jobs.models import Heartbeat, Job
from actlocally.places.models import Deprivation
from tests import factories
from tests.pageforms import page_form
from tests.test_places_importers import FILE1


def upload(client, django_capture_on_commit_callbacks, content: bytes):
    page = client.get(reverse("places_upload"))
    form = page_form(page, with_field="kind").choose("kind", "Indices of Deprivation")
    form.set("release", "IoD2019").set("geography", "lsoa11")
    data = {**form.data(), "files": SimpleUploadedFile("file1.csv", content)}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("places_upload"), data)
    assert response.status_code == 302
    return Job.objects.get(), response


def test_deprivation_upload_runs_as_a_job_and_finishes(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.people["research_partner"])
    job, response = upload(client, django_capture_on_commit_callbacks, FILE1.encode())
    assert response.url == job.get_absolute_url()
    page = client.get(response.url).content.decode()
    job.refresh_from_db()
    assert job.status == "succeeded" and "100% done" in page
    # "What was done" is the importer's own summary line.
    assert job.done and f"<li>{job.done[0]}</li>" in page and "2 new" in job.done[0]
    assert Deprivation.objects.count() == 2


def test_uploaded_files_are_deleted_when_the_job_ends(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.people["research_partner"])
    job, _response = upload(client, django_capture_on_commit_callbacks, FILE1.encode())
    job.refresh_from_db()
    assert job.files and not any(default_storage.exists(name) for name in job.files)


def test_refused_upload_ends_the_job_failed_with_rows_to_fix(
    client, world, django_capture_on_commit_callbacks
):
    client.force_login(world.people["research_partner"])
    bad = FILE1.replace('"1,200"', "lots").encode()
    job, response = upload(client, django_capture_on_commit_callbacks, bad)
    job.refresh_from_db()
    assert job.status == "failed"
    page = client.get(response.url).content.decode()
    assert "nothing was changed" in page and "Problems found" in page
    assert Deprivation.objects.count() == 0


def test_running_job_page_polls_with_htmx_and_refreshes_without_javascript(client, world):
    job = Job.objects.create(
        kind="test", title="Counting", started_by=world.people["research_partner"], percent=40
    )
    client.force_login(world.people["research_partner"])
    page = client.get(job.get_absolute_url()).content.decode()
    assert 'hx-trigger="every 2s"' in page
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in page
    assert ">Refresh</a>" in page and "40% done" in page


def test_htmx_request_gets_only_the_progress_fragment(client, world):
    job = Job.objects.create(kind="test", title="Counting", started_by=world.people["staff"])
    client.force_login(world.people["staff"])
    fragment = client.get(job.get_absolute_url(), HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<div id="job-progress"') and "<html" not in fragment


def test_finished_job_page_stops_polling(client, world):
    job = Job.objects.create(
        kind="test",
        title="Counting",
        started_by=world.people["research_partner"],
        status=Job.Status.SUCCEEDED,
        percent=100,
        result_url="/places/",
        result_label="See the ranking",
    )
    client.force_login(world.people["research_partner"])
    page = client.get(job.get_absolute_url()).content.decode()
    assert "hx-trigger" not in page and "refresh" not in page.lower().split("<main")[1]
    assert 'href="/places/">See the ranking</a>' in page


@pytest.mark.parametrize("role", ["coordinator", "backbone", "member"])
def test_someone_elses_job_is_not_found(client, world, role):
    job = Job.objects.create(kind="test", title="x", started_by=world.people["research_partner"])
    client.force_login(world.people[role])
    assert client.get(job.get_absolute_url()).status_code == 404


def test_an_unexpected_error_fails_the_job_with_a_plain_message(world):
    job = Job.objects.create(kind="test", title="x", started_by=world.people["staff"])
    with pytest.raises(ZeroDivisionError), services.running(str(job.pk)):
        _ = 1 / 0
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.errors == [
        {"message": "Something went wrong on our side. Nothing was changed. Try again later."}
    ]


# The scheduler ------------------------------------------------------------------------------------

NOOP = [
    schedule.Entry("nightly", schedule.Daily(datetime.time(2, 0)), "actlocally.jobs.tasks.noop")
]


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2026, 1, day, hour, minute, tzinfo=timezone.get_current_timezone())


@pytest.mark.django_db
def test_a_daily_task_is_queued_once_a_day():
    assert schedule.queue_due(at(5, 2, 30), NOOP) == ["nightly"]
    assert schedule.queue_due(at(5, 2, 40), NOOP) == []
    assert schedule.queue_due(at(6, 1, 59), NOOP) == []
    assert schedule.queue_due(at(6, 2, 0), NOOP) == ["nightly"]


@pytest.mark.django_db
def test_weekly_digest_is_due_on_mondays_only():
    weekly = schedule.Daily(datetime.time(7, 30), weekday=0)
    monday = at(5, 8)  # 5 January 2026 is a Monday
    assert weekly.last_due(monday, None) == timezone.localtime(at(5, 7, 30))
    assert weekly.last_due(at(7, 8), monday) is None


@pytest.mark.django_db
def test_every_scheduled_task_exists():
    from django.utils.module_loading import import_string

    for entry in schedule.SCHEDULE:
        assert hasattr(import_string(entry.task), "enqueue"), entry.task


@pytest.mark.django_db
def test_scheduler_erases_guest_names_after_30_days():
    guest = factories.GuestFactory(display_name="Sam")
    guest.symposium.starts_at = timezone.now() - datetime.timedelta(days=31)
    guest.symposium.save()
    with time_machine.travel(timezone.localtime().replace(hour=2, minute=30), tick=False):
        queued = schedule.queue_due()
    assert "forget-guest-names" in queued
    guest.refresh_from_db()
    assert guest.display_name == ""


@pytest.mark.django_db
def test_run_scheduler_once_beats_and_queues_the_worker_heartbeat(monkeypatch):
    from actlocally.jobs.management.commands import run_scheduler

    # The loop drops stale connections; the test's connection is inside its transaction.
    monkeypatch.setattr(run_scheduler, "close_old_connections", lambda: None)
    call_command("run_scheduler", "--once")
    # The immediate backend runs the queued heartbeat task, as a worker would.
    assert set(Heartbeat.objects.values_list("name", flat=True)) == {"scheduler", "worker"}


@pytest.mark.django_db
def test_heartbeat_runs_are_logged_at_debug_and_other_tasks_at_info(caplog):
    from actlocally.jobs.tasks import noop, worker_heartbeat

    with caplog.at_level(logging.INFO):
        schedule.queue_due(schedule=[e for e in schedule.SCHEDULE if e.quiet])
        worker_heartbeat.enqueue()
        noop.enqueue()
    logged = " ".join(r.getMessage() for r in caplog.records)
    assert "worker_heartbeat" not in logged and "scheduled tasks queued" not in logged
    assert "actlocally.jobs.tasks.noop" in logged
    # The heartbeat itself is still kept for /healthz.
    assert Heartbeat.objects.filter(name="worker").exists()


@pytest.mark.django_db
def test_heartbeat_runs_show_when_the_log_level_is_debug(caplog):
    from actlocally.jobs.tasks import worker_heartbeat

    with caplog.at_level(logging.DEBUG):
        worker_heartbeat.enqueue()
    assert {r.levelname for r in caplog.records if "worker_heartbeat" in r.getMessage()} == {
        "DEBUG"
    }


@pytest.mark.django_db
def test_run_scheduler_does_not_print_the_heartbeat(monkeypatch, capsys):
    from actlocally.jobs.management.commands import run_scheduler

    monkeypatch.setattr(run_scheduler, "close_old_connections", lambda: None)
    call_command("run_scheduler", "--once")
    printed = capsys.readouterr().out
    assert "worker-heartbeat" not in printed and "Queued action-reminders" in printed
