"""Subject access: everything held about a person, as a ZIP of JSON files and a PDF summary,
made by a background job that only its starter may download."""

import io
import json
import zipfile

import pytest
from allauth.mfa.models import Authenticator

from actlocally.api.services import create_token
from actlocally.jobs.models import Job
from actlocally.privacy import access
from tests import factories
from tests.pageforms import read_forms, submit


def _form_to(page, url: str):
    """The page's form that posts to `url` (the header's sign-out form is another)."""
    return next(f for f in read_forms(page.content) if f.action == url)


def _zip(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


@pytest.mark.django_db
def test_the_zip_has_a_json_file_per_table_and_a_pdf_summary():
    person = factories.UserFactory()
    factories.ProgressNoteFactory(written_by=person)
    archive = _zip(access.build_zip(person)[0])
    assert {"accounts.User.json", "actions.ProgressNote.json"} <= set(archive.namelist())
    assert archive.read("summary.pdf").startswith(b"%PDF")


@pytest.mark.django_db
def test_the_export_holds_their_invitations_by_email():
    person = factories.UserFactory(email="asked@example.org")
    factories.InvitationFactory(email="Asked@example.org")
    archive = _zip(access.build_zip(person)[0])
    assert len(json.loads(archive.read("partnerships.Invitation.json"))) == 1


@pytest.mark.django_db
def test_the_export_never_holds_a_token_secret_or_an_authenticator_key():
    person = factories.UserFactory()
    _token, secret = create_token(person=person, name="Reports", scope="read", days=30, by=person)
    Authenticator.objects.create(user=person, type="totp", data={"secret": "KEEPMEHIDDEN"})
    archive = _zip(access.build_zip(person)[0])
    text = " ".join(archive.read(n).decode() for n in archive.namelist() if n.endswith(".json"))
    assert secret not in text and "KEEPMEHIDDEN" not in text and "key_hash" not in text


@pytest.mark.django_db
def test_collecting_takes_one_query_per_table(django_assert_max_num_queries):
    person = factories.UserFactory()
    tables = len(access.subjects.personal_models())
    with django_assert_max_num_queries(tables + 3):
        access.collect(person)


@pytest.mark.django_db
def test_a_person_exports_their_own_data_and_only_they_download_it(
    client, django_capture_on_commit_callbacks
):
    person = factories.UserFactory()
    client.force_login(person)
    page = client.get("/privacy/my-data/")
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page, _form_to(page, "/privacy/my-data/"))
    job = Job.objects.get()
    assert response.url == job.get_absolute_url()
    download = client.get(f"/jobs/{job.pk}/download/")
    assert _zip(download.content).read("summary.pdf").startswith(b"%PDF")


@pytest.mark.django_db
def test_site_staff_export_a_person_found_by_name(client, django_capture_on_commit_callbacks):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory(full_name="Farah Quayle")
    client.force_login(staff)
    found = client.get("/privacy/people/", {"q": "quayle"})
    assert f"/privacy/people/{person.pk}/".encode() in found.content
    page = client.get(f"/privacy/people/{person.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, _form_to(page, f"/privacy/people/{person.pk}/export/"))
    job = Job.objects.get()
    assert (job.started_by, job.status) == (staff, Job.Status.SUCCEEDED)


@pytest.mark.django_db
def test_the_person_cannot_download_the_export_staff_made_of_them(
    client, django_capture_on_commit_callbacks
):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory()
    client.force_login(staff)
    page = client.get(f"/privacy/people/{person.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, _form_to(page, f"/privacy/people/{person.pk}/export/"))
    client.force_login(person)
    assert client.get(f"/jobs/{Job.objects.get().pk}/download/").status_code == 404


@pytest.mark.django_db
def test_the_job_title_does_not_name_the_person(client):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory(full_name="Farah Quayle")
    client.force_login(staff)
    page = client.get(f"/privacy/people/{person.pk}/")
    submit(client, page, _form_to(page, f"/privacy/people/{person.pk}/export/"))
    assert "Quayle" not in Job.objects.get().title


@pytest.mark.django_db
def test_the_export_holds_changes_made_to_their_account_by_others():
    from auditlog.models import LogEntry

    person = factories.UserFactory()
    LogEntry.objects.log_create(person, action=LogEntry.Action.UPDATE, changes={}, force_log=True)
    archive = _zip(access.build_zip(person)[0])
    entries = json.loads(archive.read("auditlog.LogEntry.json"))
    assert [e["object_repr"] for e in entries] == [str(person)]


@pytest.mark.django_db
def test_the_person_page_takes_the_same_queries_however_much_is_held(
    client, django_assert_max_num_queries
):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory()
    for _ in range(5):
        factories.ProgressNoteFactory(written_by=person)
    client.force_login(staff)
    tables = len(access.subjects.personal_models())
    with django_assert_max_num_queries(tables + 10):
        assert client.get(f"/privacy/people/{person.pk}/").status_code == 200
