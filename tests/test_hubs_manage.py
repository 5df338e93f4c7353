"""Running a hub from its pages: the hub lead adds a hub with its spoke schools, changes and
removes sessions, and plans one-stop-shop days, which show on the hub's page and calendar.
Forms are posted as the pages offer them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from actlocally.hubs.models import Hub, OneStopShopDay, Session
from tests.factories import SchoolFactory
from tests.factories_hubs import (
    HubFactory,
    OneStopShopDayFactory,
    ServiceFactory,
    SessionFactory,
)
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def url(name, world, **kwargs):
    return reverse(name, kwargs={"slug": world.keighley.slug, **kwargs})


def test_the_hub_lead_adds_a_hub_with_its_spokes(client, world):
    SchoolFactory(name="Keighley Central Primary")
    SchoolFactory(name="Holycroft Primary")
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_hub_new", world))
    form = page_form(page, with_field="name").set("name", "Keighley Central hub")
    form.choose("school", "Keighley Central Primary").choose("spokes", "Holycroft Primary")

    submit(client, page, form)

    hub = Hub.objects.get()
    assert (hub.school.name, [s.name for s in hub.spokes.all()]) == (
        "Keighley Central Primary",
        ["Holycroft Primary"],
    )


def test_the_hub_school_cannot_be_its_own_spoke(client, world):
    SchoolFactory(name="Keighley Central Primary")
    client.force_login(world.people["coordinator"])
    page = client.get(url("hubs_hub_new", world))
    form = page_form(page, with_field="name").set("name", "Hub")
    form.choose("school", "Keighley Central Primary").choose("spokes", "Keighley Central Primary")

    response = submit(client, page, form)

    assert "cannot also be one of its spokes" in response.content.decode()
    assert not Hub.objects.exists()


def test_changing_a_hub_changes_its_spokes(client, world):
    hub = HubFactory(partnership=world.keighley)
    hub.spokes.add(SchoolFactory(name="Old spoke"))
    SchoolFactory(name="New spoke")
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_hub_edit", world, pk=hub.pk))
    form = page_form(page, with_field="name")
    form.values["spokes"] = []
    form.choose("spokes", "New spoke")

    submit(client, page, form)

    assert [s.name for s in hub.spokes.all()] == ["New spoke"]


def test_removing_a_hub_keeps_its_services(client, world):
    hub = HubFactory(partnership=world.keighley)
    service = ServiceFactory(partnership=world.keighley)
    SessionFactory(hub=hub, service=service)
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_hub_remove", world, pk=hub.pk))

    submit(client, page, page_form(page, with_field="confirm"))

    assert (Hub.objects.exists(), Session.objects.exists()) == (False, False)
    service.refresh_from_db()


def test_a_session_is_changed_from_its_page(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley))
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_session_edit", world, pk=session.hub_id, session_pk=session.pk))
    form = page_form(page, with_field="rrule").set("rrule", "FREQ=WEEKLY;BYDAY=TH;COUNT=4")

    submit(client, page, form)

    session.refresh_from_db()
    assert session.rrule == "FREQ=WEEKLY;BYDAY=TH;COUNT=4"


def test_a_changed_session_that_never_ends_is_refused_with_why(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley))
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_session_edit", world, pk=session.hub_id, session_pk=session.pk))
    form = page_form(page, with_field="rrule").set("rrule", "FREQ=WEEKLY;BYDAY=TH")

    response = submit(client, page, form)

    assert "The rule never ends" in response.content.decode()
    session.refresh_from_db()
    assert session.rrule == "FREQ=WEEKLY;BYDAY=TU;COUNT=6"


def test_a_session_is_removed_after_confirming(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley))
    client.force_login(world.people["coordinator"])
    page = client.get(url("hubs_session_remove", world, pk=session.hub_id, session_pk=session.pk))

    submit(client, page, page_form(page, with_field="confirm"))

    assert not Session.objects.exists()


def test_the_hub_lead_plans_a_one_stop_shop_day_with_its_services(client, world):
    hub = HubFactory(partnership=world.keighley)
    ServiceFactory(partnership=world.keighley, name="Healthy Start vouchers")
    ServiceFactory(partnership=world.keighley, name="School nursing drop-in")
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_day_new", world, pk=hub.pk))
    form = page_form(page, with_field="title").set("title", "Spring one stop health shop")
    form.set("on", "2027-03-18").set("starts_at", "09:00").set("ends_at", "15:00")
    form.choose("services", "Healthy Start vouchers").choose("services", "School nursing")

    submit(client, page, form)

    day = OneStopShopDay.objects.get()
    assert sorted(s.name for s in day.services.all()) == [
        "Healthy Start vouchers",
        "School nursing drop-in",
    ]


def test_a_day_that_ends_before_it_starts_is_refused(client, world):
    hub = HubFactory(partnership=world.keighley)
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_day_new", world, pk=hub.pk))
    form = page_form(page, with_field="title").set("title", "Day")
    form.set("on", "2027-03-18").set("starts_at", "15:00").set("ends_at", "09:00")

    response = submit(client, page, form)

    assert "The day ends after it starts" in response.content.decode()
    assert not OneStopShopDay.objects.exists()


def test_a_day_is_changed_and_removed(client, world):
    day = OneStopShopDayFactory(hub=HubFactory(partnership=world.keighley))
    client.force_login(world.people["hub_lead"])
    page = client.get(url("hubs_day_edit", world, pk=day.hub_id, day_pk=day.pk))
    submit(client, page, page_form(page, with_field="title").set("title", "Summer shop"))
    day.refresh_from_db()
    assert day.title == "Summer shop"

    page = client.get(url("hubs_day_remove", world, pk=day.hub_id, day_pk=day.pk))
    submit(client, page, page_form(page, with_field="confirm"))

    assert not OneStopShopDay.objects.exists()


def test_the_hub_page_shows_a_day_to_come_with_its_published_services(client, world):
    day = OneStopShopDayFactory(hub=HubFactory(partnership=world.keighley), title="Health shop")
    day.services.add(
        ServiceFactory(partnership=world.keighley, name="Healthy Minds"),
        ServiceFactory(partnership=world.keighley, name="Draft service", published=False),
    )

    text = client.get(day.hub.get_absolute_url()).content.decode()

    assert "Health shop" in text and "Healthy Minds" in text and "Draft service" not in text


def test_the_calendar_has_the_one_stop_shop_day(client, world):
    day = OneStopShopDayFactory(hub=HubFactory(partnership=world.keighley), title="Health shop")
    response = client.get(url("hub_calendar", world, pk=day.hub_id))

    events = Calendar.from_ical(response.content).walk("VEVENT")

    assert [(str(e["summary"]), e.decoded("dtstart").date()) for e in events] == [
        (f"{day.hub.name}: Health shop", day.on)
    ]


def test_a_session_without_take_up_is_flagged_to_the_hub_lead(client, world):
    hub = HubFactory(partnership=world.keighley)
    SessionFactory(hub=hub, title="Tooth brushing club")
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_hub_manage", world, pk=hub.pk)).content.decode()

    assert "No take-up is recorded yet for:" in text and "Tooth brushing club" in text


def test_a_session_not_yet_started_is_not_flagged(client, world):
    hub = HubFactory(partnership=world.keighley)
    SessionFactory(hub=hub, first_on=timezone.localdate() + datetime.timedelta(days=7))
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_hub_manage", world, pk=hub.pk)).content.decode()

    assert "No take-up is recorded yet" not in text
