"""Erasing a person: their account gone, their name and email nowhere in the database, what they
did in partnerships kept as "a former member", their audit entries under a pseudonym."""

import pytest
from auditlog.models import LogEntry
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection

from actlocally.actions.models import ProgressNote
from actlocally.privacy import hooks, services
from actlocally.privacy.models import ErasureRecord
from actlocally.privacy.pseudonyms import pseudonym_of
from actlocally.statements.models import Comment
from tests import factories
from tests.pageforms import page_form, submit

User = get_user_model()


def _hits(*needles: str) -> list[tuple[str, str]]:
    """(table, column) of every column of every table, ours or not, holding any needle."""
    needles = [n.lower() for n in needles]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = connection.introspection.get_table_description(cursor, table)
            for column in columns:
                name = connection.ops.quote_name(column.name)
                # Names come from the database's own catalogue, quoted.
                cursor.execute(f"SELECT {name} FROM {connection.ops.quote_name(table)}")  # noqa: S608
                for (value,) in cursor.fetchall():
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "ignore")
                    if isinstance(value, str) and any(n in value.lower() for n in needles):
                        found.append((table, column.name))
                        break
    return found


@pytest.mark.django_db
def test_erasing_a_demo_person_leaves_no_trace_of_their_name_or_email(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    person = User.objects.get(email="coordinator@example.org")
    name, email = person.full_name, person.email
    staff = User.objects.get(email="admin@example.org")
    assert _hits(name, email), "the demo should mention the person before erasure"

    services.erase_person(person=person, by=staff)

    assert _hits(name, email) == []


@pytest.mark.django_db
def test_what_they_wrote_is_kept_and_attributed_to_nobody():
    person = factories.UserFactory()
    note = factories.ProgressNoteFactory(written_by=person)
    services.erase_person(person=person, by=factories.UserFactory(is_staff=True))
    note = ProgressNote.objects.get(pk=note.pk)
    assert note.written_by is None


@pytest.mark.django_db
def test_their_audit_entries_keep_a_pseudonym():
    person = factories.UserFactory()
    pk = person.pk
    entry = LogEntry.objects.log_create(
        factories.OrganisationFactory(), action=LogEntry.Action.CREATE, changes={}, force_log=True
    )
    LogEntry.objects.filter(pk=entry.pk).update(actor=person)
    services.erase_person(person=person, by=factories.UserFactory(is_staff=True))
    assert LogEntry.objects.get(pk=entry.pk).actor_email == pseudonym_of(pk)


@pytest.mark.django_db
def test_the_erasure_is_recorded_by_pseudonym_with_who_did_it():
    person = factories.UserFactory()
    staff = factories.UserFactory(is_staff=True)
    services.erase_person(person=person, by=staff)
    record = ErasureRecord.objects.get()
    assert (record.pseudonym, record.erased_by) == (pseudonym_of(person.pk), staff)


@pytest.mark.django_db
def test_their_name_is_scrubbed_from_a_comment_someone_else_wrote():
    person = factories.UserFactory(full_name="Zoë Pennyworth")
    comment = Comment.objects.create(
        version=factories.StatementVersionFactory(),
        section="introduction",
        text="As Zoë Pennyworth said at the meeting",
    )
    services.erase_person(person=person, by=factories.UserFactory(is_staff=True))
    assert Comment.objects.get(pk=comment.pk).text == "As a former member said at the meeting"


@pytest.mark.django_db
def test_registered_erasure_hooks_are_called_with_the_pseudonym(monkeypatch):
    calls = []
    monkeypatch.setattr(hooks, "_HOOKS", {"test": lambda **kw: calls.append(kw) or 1})
    person = factories.UserFactory()
    services.erase_person(person=person, by=None)
    assert calls[0]["pseudonym"] == pseudonym_of(person.pk)


@pytest.mark.django_db
def test_staff_cannot_erase_themselves():
    staff = factories.UserFactory(is_staff=True)
    with pytest.raises(ValidationError):
        services.erase_person(person=staff, by=staff)


@pytest.mark.django_db
def test_the_confirmation_page_refuses_a_mistyped_email(client):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory()
    client.force_login(staff)
    page = client.get(f"/privacy/people/{person.pk}/erase/")
    response = submit(
        client,
        page,
        page_form(page, with_field="confirm_email").set("confirm_email", "someone@else.example"),
    )
    assert response.status_code == 200 and User.objects.filter(pk=person.pk).exists()


@pytest.mark.django_db
def test_typing_their_email_on_the_confirmation_page_erases_them(client):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory()
    client.force_login(staff)
    page = client.get(f"/privacy/people/{person.pk}/erase/")
    response = submit(
        client,
        page,
        page_form(page, with_field="confirm_email").set("confirm_email", person.email.upper()),
    )
    assert response.status_code == 302 and not User.objects.filter(pk=person.pk).exists()


@pytest.mark.django_db
def test_an_export_made_about_them_is_deleted_with_its_file(django_capture_on_commit_callbacks):
    from django.core.files.storage import default_storage

    from actlocally.jobs.models import Job

    person = factories.UserFactory()
    staff = factories.UserFactory(is_staff=True)
    with django_capture_on_commit_callbacks(execute=True):
        services.start_export(person=person, by=staff)
    stored = Job.objects.get().result_file
    services.erase_person(person=person, by=staff)
    assert not Job.objects.exists() and not default_storage.exists(stored)


@pytest.mark.django_db
def test_the_people_page_lists_recent_erasures_by_pseudonym(client):
    staff = factories.UserFactory(is_staff=True)
    person = factories.UserFactory()
    record = services.erase_person(person=person, by=staff)
    client.force_login(staff)
    assert record.pseudonym.encode() in client.get("/privacy/people/").content


@pytest.mark.django_db
def test_another_persons_address_containing_theirs_is_left_alone():
    person = factories.UserFactory(email="ann@example.org", full_name="Ann Bell")
    other = factories.UserFactory(email="joann@example.org")
    services.erase_person(person=person, by=None)
    assert User.objects.get(pk=other.pk).email == "joann@example.org"


@pytest.mark.django_db
def test_their_account_and_everything_hanging_on_it_is_deleted(client):
    from allauth.account.models import EmailAddress
    from allauth.mfa.models import Authenticator
    from django.contrib.sessions.models import Session

    from actlocally.api.models import ApiToken
    from actlocally.api.services import create_token
    from actlocally.notifications.models import Notification
    from actlocally.partnerships.models import Invitation

    person = factories.UserFactory(email="leaving@example.org")
    EmailAddress.objects.get_or_create(user=person, email="leaving@example.org")
    Authenticator.objects.create(user=person, type="totp", data={"secret": "x"})
    create_token(person=person, name="Reports", scope="read", days=30, by=person)
    factories.InvitationFactory(email="leaving@example.org")
    Notification.objects.create(recipient=person, subject="Hello", body="")
    client.force_login(person)
    services.erase_person(person=person, by=None)
    left = [
        m.__name__
        for m in (User, EmailAddress, Authenticator, ApiToken, Invitation, Notification, Session)
        if m.objects.exists()
    ]
    assert left == []


@pytest.mark.django_db
def test_a_demo_persons_export_holds_what_they_did_in_partnerships(settings):
    import io
    import zipfile

    from actlocally.privacy import access

    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    person = User.objects.get(email="coordinator@example.org")
    content, _tables = access.build_zip(person)
    names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
    assert {"partnerships.Membership.json", "actions.Action.json", "summary.pdf"} <= names


@pytest.mark.django_db
def test_the_admin_offers_no_delete_for_a_person_so_erasure_is_the_only_way(client):
    staff = factories.UserFactory(is_staff=True, is_superuser=True)
    person = factories.UserFactory()
    client.force_login(staff)
    assert client.get(f"/admin/accounts/user/{person.pk}/change/").status_code == 200
    assert client.get(f"/admin/accounts/user/{person.pk}/delete/").status_code == 403
