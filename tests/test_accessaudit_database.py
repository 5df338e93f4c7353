"""The database keeps the access audit append-only: it refuses every UPDATE and DELETE, from the
ORM or raw SQL, except pseudonymising an erased person and purging entries past retention."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from actlocally.accessaudit import services
from actlocally.accessaudit.models import AccessEvent, Kind
from actlocally.accessaudit.triggers import RETENTION_DAYS
from tests import factories
from tests.factories_accessaudit import AccessEventFactory

pytestmark = pytest.mark.django_db

REFUSED = "cannot be"


def refused(change) -> bool:
    try:
        with transaction.atomic():
            change()
    except IntegrityError as error:
        return REFUSED in str(error)
    return False


def old_event(**kwargs):
    return AccessEventFactory(at=timezone.now() - timedelta(days=RETENTION_DAYS + 5), **kwargs)


def test_changing_an_entry_through_the_orm_is_refused():
    event = AccessEventFactory()
    event.reason = "Nothing to see"
    assert refused(event.save)


def test_changing_when_an_entry_happened_is_refused():
    event = AccessEventFactory()
    assert refused(
        lambda: AccessEvent.objects.filter(pk=event.pk).update(at=timezone.now() - timedelta(1))
    )


def test_changing_an_entry_with_raw_sql_is_refused():
    AccessEventFactory()
    with connection.cursor() as cursor:
        assert refused(lambda: cursor.execute("UPDATE accessaudit_accessevent SET kind = 'x'"))


def test_giving_an_entry_to_someone_else_is_refused():
    event = AccessEventFactory()
    other = factories.UserFactory()
    assert refused(lambda: AccessEvent.objects.filter(pk=event.pk).update(person=other))


def test_deleting_a_recent_entry_is_refused():
    event = AccessEventFactory()
    assert refused(event.delete)


def test_deleting_a_recent_entry_with_raw_sql_is_refused():
    AccessEventFactory()
    with connection.cursor() as cursor:
        assert refused(lambda: cursor.execute("DELETE FROM accessaudit_accessevent"))


def test_the_refused_delete_leaves_the_entry():
    event = AccessEventFactory()
    refused(event.delete)
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_removing_the_person_without_a_pseudonym_is_refused():
    event = AccessEventFactory()
    assert refused(lambda: AccessEvent.objects.filter(pk=event.pk).update(person=None))


def test_changing_a_pseudonym_once_given_is_refused():
    event = AccessEventFactory()
    services.pseudonymise_person(person=event.person)
    assert refused(lambda: AccessEvent.objects.filter(pk=event.pk).update(pseudonym="Someone"))


def test_rewriting_the_label_of_an_entry_about_a_partnership_is_refused():
    event = AccessEventFactory(object_label="Act Locally: Keighley")
    assert refused(lambda: AccessEvent.objects.filter(pk=event.pk).update(object_label="Other"))


def test_rewriting_the_label_of_an_entry_about_a_partnership_record_is_refused():
    partnership = factories.PartnershipFactory()
    event = services.record_access(by=factories.UserFactory(), kind=Kind.HISTORY, obj=partnership)
    assert refused(lambda: AccessEvent.objects.filter(pk=event.pk).update(object_label="Other"))


def test_pseudonymising_an_erased_person_is_allowed():
    event = AccessEventFactory()
    person = event.person
    services.pseudonymise_person(person=person, pseudonym="Former member 1a2b")
    event.refresh_from_db()
    assert (event.person_id, event.pseudonym) == (None, "Former member 1a2b")


def test_pseudonymising_removes_the_name_from_entries_about_the_person():
    looked_at = factories.UserFactory(full_name="Ruth Bennett")
    event = services.record_access(by=factories.UserFactory(), kind=Kind.PROFILE, obj=looked_at)
    services.pseudonymise_person(person=looked_at, pseudonym="Former member 9f9f")
    event.refresh_from_db()
    assert (event.object_label, event.object_id) == ("Former member 9f9f", None)


def test_after_pseudonymising_the_person_can_be_deleted():
    event = AccessEventFactory()
    person = event.person
    services.pseudonymise_person(person=person)
    person.delete()
    assert AccessEvent.objects.filter(pk=event.pk).exists()


def test_purging_deletes_only_entries_past_retention():
    old, recent = old_event(), AccessEventFactory()
    services.purge_expired()
    assert list(AccessEvent.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not AccessEvent.objects.filter(pk=old.pk).exists()


def test_the_database_allows_deleting_an_entry_past_retention_directly():
    old = old_event()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM accessaudit_accessevent WHERE id = %s", [old.pk])
    assert not AccessEvent.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_flush_empties_the_audit_and_leaves_it_guarded():
    AccessEventFactory()
    call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)
    assert AccessEvent.objects.count() == 0
    event = AccessEventFactory()
    assert refused(event.delete)
