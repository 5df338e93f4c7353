"""The access audit: each page that shows or exports personal data records who looked, and the
data guardian reads, searches and exports the record (and is recorded doing so)."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from actlocally.accessaudit import services
from actlocally.accessaudit.models import AccessEvent, Kind
from actlocally.accounts.mfa import needs_mfa
from actlocally.authorization import has_permission
from tests import factories
from tests.factories_accessaudit import AccessEventFactory
from tests.pageforms import read_forms

pytestmark = pytest.mark.django_db


def last_event():
    return AccessEvent.objects.order_by("-pk").first()


def csv_rows(response) -> list[list[str]]:
    """The CSV's rows after its header, less the entry recording this export."""
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    return [row for row in rows[1:] if not row[4].startswith("Access audit CSV")]


# Recording ------------------------------------------------------------------------------------


def test_record_access_keeps_who_what_where_and_the_request_id(rf, world):
    request = rf.get("/")
    request.request_id = "abc123"
    event = services.record_access(
        by=world.people["coordinator"], kind=Kind.MEMBER_LIST, obj=world.keighley, request=request
    )
    assert (
        event.person,
        event.kind,
        event.object_id,
        event.object_label,
        event.partnership,
        event.request_id,
    ) == (
        world.people["coordinator"],
        Kind.MEMBER_LIST,
        world.keighley.pk,
        "Act Locally: Keighley",
        world.keighley,
        "abc123",
    )


def test_record_access_keeps_the_reason_given(world):
    event = services.record_access(
        by=world.people["coordinator"], kind=Kind.EXPORT, reason="Board report, 12 December"
    )
    assert event.reason == "Board report, 12 December"


def test_the_member_list_is_recorded(client, world):
    client.force_login(world.people["member"])
    client.get(reverse("members", kwargs={"slug": "keighley"}))
    event = last_event()
    assert (event.person, event.kind, event.partnership) == (
        world.people["member"],
        Kind.MEMBER_LIST,
        world.keighley,
    )


def test_a_refused_member_list_is_not_recorded(client, world):
    client.force_login(world.outsider)
    client.get(reverse("members", kwargs={"slug": "keighley"}))
    assert AccessEvent.objects.count() == 0


def test_a_members_details_page_is_recorded_as_that_person(client, world):
    client.force_login(world.people["coordinator"])
    membership = world.keighley.memberships.get(person=world.people["member"])
    client.get(reverse("member_edit", kwargs={"slug": "keighley", "pk": membership.pk}))
    event = last_event()
    assert (event.kind, event.object_id, event.object_label) == (
        Kind.PROFILE,
        world.people["member"].pk,
        world.people["member"].full_name,
    )


def test_the_history_of_changes_is_recorded(client, world):
    client.force_login(world.people["coordinator"])
    client.get(reverse("history", kwargs={"slug": "keighley"}))
    assert last_event().kind == Kind.HISTORY


def test_starting_the_history_export_is_recorded(client, world):
    client.force_login(world.people["coordinator"])
    client.post(reverse("history_export", kwargs={"slug": "keighley"}))
    assert (last_event().kind, last_event().object_label) == (
        Kind.EXPORT,
        "History of changes (CSV)",
    )


def test_the_action_plan_csv_is_recorded_as_an_export(client, world):
    client.force_login(world.people["member"])
    client.get(reverse("action_plan_csv", kwargs={"slug": "keighley"}))
    assert (last_event().kind, last_event().object_label) == (Kind.EXPORT, "Action plan (CSV)")


def test_symposium_guest_names_are_recorded(client, world):
    symposium = factories.SymposiumFactory(partnership=world.keighley)
    factories.GuestFactory(symposium=symposium, display_name="Sam")
    client.force_login(world.people["coordinator"])
    client.get(reverse("symposium_codes", kwargs={"slug": "keighley", "pk": symposium.pk}))
    assert (last_event().kind, last_event().object_id) == (Kind.SYMPOSIUM_GUESTS, symposium.pk)


def test_a_codes_page_with_no_guests_yet_records_nothing(client, world):
    symposium = factories.SymposiumFactory(partnership=world.keighley)
    client.force_login(world.people["coordinator"])
    client.get(reverse("symposium_codes", kwargs={"slug": "keighley", "pk": symposium.pk}))
    assert AccessEvent.objects.count() == 0


# The data guardian ----------------------------------------------------------------------------


def test_only_data_guardians_hold_the_audit_permission(world):
    holders = {
        role
        for role, person in world.people.items()
        if has_permission(person, "accessaudit.view_access_events")
    }
    assert holders == {"data_guardian"}


def test_a_data_guardian_must_use_mfa(world):
    assert needs_mfa(world.people["data_guardian"]) is True


def test_a_data_guardian_sees_no_partnership(client, world):
    client.force_login(world.people["data_guardian"])
    assert client.get(reverse("members", kwargs={"slug": "keighley"})).status_code == 404


def test_the_navigation_offers_the_audit_to_a_data_guardian(client, world):
    client.force_login(world.people["data_guardian"])
    response = client.get(reverse("dashboard"))
    assert reverse("access_audit").encode() in response.content


def test_the_navigation_does_not_offer_the_audit_to_site_staff(client, world):
    client.force_login(world.people["staff"])
    response = client.get(reverse("dashboard"))
    assert reverse("access_audit").encode() not in response.content


def test_the_audit_lists_entries_newest_first(client, world):
    older = AccessEventFactory(at=timezone.now() - timedelta(days=3))
    newer = AccessEventFactory(at=timezone.now() - timedelta(days=1))
    client.force_login(world.people["data_guardian"])
    response = client.get(reverse("access_audit"))
    assert list(response.context["entries"])[:2] == [newer, older]


def test_reading_the_audit_is_recorded(client, world):
    client.force_login(world.people["data_guardian"])
    client.get(reverse("access_audit"))
    event = last_event()
    assert (event.person, event.kind) == (world.people["data_guardian"], Kind.ACCESS_AUDIT)


def search(client, **values):
    """Fill in the page's search form as a person would, and send it."""
    page = client.get(reverse("access_audit"))
    form = next(f for f in read_forms(page.content) if f.method == "get")
    for name, value in values.items():
        form.set(name, value)
    return client.get(reverse("access_audit"), form.data())


def shown(response) -> set[int]:
    return {e.pk for e in response.context["entries"]} - {last_event().pk}


def test_searching_by_person_finds_their_entries(client, world):
    ruth = AccessEventFactory(person=factories.UserFactory(full_name="Ruth Bennett"))
    AccessEventFactory(person=factories.UserFactory(full_name="Tom Reid"))
    client.force_login(world.people["data_guardian"])
    assert shown(search(client, person="bennett")) == {ruth.pk}


def test_searching_by_pseudonym_finds_an_erased_persons_entries(client, world):
    event = AccessEventFactory()
    services.pseudonymise_person(person=event.person, pseudonym="Former member ab12")
    AccessEventFactory()
    client.force_login(world.people["data_guardian"])
    assert shown(search(client, person="ab12")) == {event.pk}


def test_searching_by_kind_finds_that_kind(client, world):
    export = AccessEventFactory(kind=Kind.EXPORT)
    AccessEventFactory(kind=Kind.PROFILE)
    client.force_login(world.people["data_guardian"])
    assert shown(search(client, kind=Kind.EXPORT)) == {export.pk}


def test_searching_by_partnership_finds_its_entries(client, world):
    keighley = AccessEventFactory(partnership=world.keighley)
    AccessEventFactory(partnership=world.holme_wood)
    client.force_login(world.people["data_guardian"])
    assert shown(search(client, partnership="keighley")) == {keighley.pk}


def test_searching_by_dates_finds_entries_between_them(client, world):
    today = timezone.localdate()
    inside = AccessEventFactory(at=timezone.now() - timedelta(days=10))
    AccessEventFactory(at=timezone.now() - timedelta(days=40))
    client.force_login(world.people["data_guardian"])
    response = search(
        client,
        since=(today - timedelta(days=20)).isoformat(),
        until=(today - timedelta(days=5)).isoformat(),
    )
    assert shown(response) == {inside.pk}


def test_an_end_date_before_the_start_is_named_as_a_mistake(client, world):
    client.force_login(world.people["data_guardian"])
    response = search(client, since="2026-05-01", until="2026-04-01")
    assert "The end date must be the same as or after the start date." in response.text


def test_the_audit_page_reads_a_constant_number_of_queries(
    client, world, django_assert_max_num_queries
):
    for _n in range(30):
        AccessEventFactory(partnership=world.keighley)
    client.force_login(world.people["data_guardian"])
    with django_assert_max_num_queries(12):
        client.get(reverse("access_audit"))


def test_the_csv_has_the_searched_entries(client, world):
    AccessEventFactory(kind=Kind.EXPORT, object_label="Members (CSV)")
    AccessEventFactory(kind=Kind.PROFILE)
    client.force_login(world.people["data_guardian"])
    rows = csv_rows(client.get(reverse("access_audit_csv"), {"kind": Kind.EXPORT}))
    assert [row[4] for row in rows] == ["Members (CSV)"]


def test_the_csv_neutralises_a_formula_in_a_reason(client, world):
    AccessEventFactory(reason='=HYPERLINK("http://evil.example")')
    client.force_login(world.people["data_guardian"])
    rows = csv_rows(client.get(reverse("access_audit_csv")))
    assert rows[0][8].startswith("'=")


def test_the_csv_starts_with_its_header(client, world):
    client.force_login(world.people["data_guardian"])
    response = client.get(reverse("access_audit_csv"))
    assert response.content.decode("utf-8-sig").splitlines()[0].startswith("when (UTC),who,")


def test_exporting_the_audit_is_recorded(client, world):
    client.force_login(world.people["data_guardian"])
    client.get(reverse("access_audit_csv"), {"kind": Kind.PROFILE})
    event = last_event()
    assert (event.kind, event.object_label) == (Kind.EXPORT, "Access audit CSV: kind=profile")


def test_site_staff_cannot_export_the_audit(client, world):
    client.force_login(world.people["staff"])
    assert client.get(reverse("access_audit_csv")).status_code == 403


def test_appointing_a_data_guardian_gives_them_the_audit(world):
    person = world.people["no_role"]
    services.appoint_data_guardian(person=person, by=world.people["staff"])
    assert has_permission(person, "accessaudit.view_access_events") is True


def test_standing_down_a_data_guardian_takes_the_audit_away(world):
    person = world.people["data_guardian"]
    services.stand_down_data_guardian(person=person, by=world.people["staff"])
    assert has_permission(person, "accessaudit.view_access_events") is False


@pytest.mark.django_db
def test_erasing_a_person_keeps_their_access_entries_under_the_erasures_pseudonym():
    from actlocally.privacy.services import erase_person

    event = AccessEventFactory()
    record = erase_person(person=event.person, by=factories.UserFactory(is_staff=True))
    event.refresh_from_db()
    assert (event.person, event.pseudonym) == (None, record.pseudonym)


@pytest.mark.django_db
def test_the_nightly_purge_removes_access_entries_past_their_period():
    from actlocally.privacy.retention import declarations

    AccessEventFactory(at=timezone.now() - timedelta(days=800))
    kept = AccessEventFactory()
    purged = declarations()["accessaudit.AccessEvent"].purge(timezone.now())
    assert (purged, list(AccessEvent.objects.all())) == (1, [kept])
