"""Meetings: scheduling (termly), attendance, the agenda built from the action plan, minutes,
decisions and the actions that come out of them."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from actlocally.journey.models import StepProgress
from actlocally.meetings import services
from actlocally.meetings.models import Meeting
from actlocally.meetings.terms import next_termly_dates

from . import factories
from .pageforms import page_form, submit


def action(world, **kwargs):
    return factories.ActionFactory(partnership=world.keighley, focus_issue=world.focus, **kwargs)


def meeting(world, *, days=14, **kwargs):
    start = timezone.now() + datetime.timedelta(days=days)
    return factories.MeetingFactory(
        partnership=world.keighley,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        **kwargs,
    )


def agenda_actions(m):
    return [i.action for i in m.agenda.all() if i.action_id]


def test_agenda_takes_open_overdue_and_at_risk_actions_but_not_done_or_dropped(world):
    today = timezone.localdate()
    overdue = action(world, status="on_track", due_on=today - datetime.timedelta(days=5))
    at_risk = action(world, status="at_risk")
    open_one = action(world, status="not_started")
    action(world, status="done")
    action(world, status="dropped", due_on=today - datetime.timedelta(days=5))
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    assert agenda_actions(m) == [overdue, at_risk, open_one]


def test_agenda_opens_with_welcome_and_ends_with_any_other_business(world):
    action(world)
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    titles = [i.title for i in m.agenda.all()]
    assert (titles[0], titles[-1]) == (services.OPENING_ITEM, services.CLOSING_ITEM)


def test_agenda_built_again_adds_only_new_actions(world):
    action(world)
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    new = action(world, title="Healthy Start Champions training")
    added = services.generate_agenda(meeting=m, by=world.people["coordinator"])
    assert (added, agenda_actions(m)[-1], m.agenda.last().title) == (1, new, services.CLOSING_ITEM)


def test_agenda_does_not_take_another_partnerships_actions(world):
    factories.ActionFactory(partnership=world.holme_wood)
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    assert agenda_actions(m) == []


def test_free_item_goes_before_any_other_business(world):
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    services.add_agenda_item(
        meeting=m, title="Keighley Food Conversation", by=world.people["coordinator"]
    )
    assert [i.title for i in m.agenda.all()][-2:] == [
        "Keighley Food Conversation",
        services.CLOSING_ITEM,
    ]


def test_agenda_items_can_be_reordered(world):
    m = meeting(world)
    first = factories.AgendaItemFactory(meeting=m, order=1, title="First")
    factories.AgendaItemFactory(meeting=m, order=2, title="Second")
    services.move_agenda_item(item=first, up=False, by=world.people["coordinator"])
    assert [i.title for i in m.agenda.all()] == ["Second", "First"]


def test_agenda_cannot_change_once_the_meeting_is_held(world):
    m = meeting(world, days=-1, status=Meeting.Status.HELD)
    with pytest.raises(ValidationError):
        services.add_agenda_item(meeting=m, title="Late item", by=world.people["coordinator"])


def test_an_action_appears_once_on_an_agenda(world):
    m = meeting(world)
    a = action(world)
    factories.AgendaItemFactory(meeting=m, action=a)
    with pytest.raises(IntegrityError):
        factories.AgendaItemFactory(meeting=m, action=a)


def test_minutes_mark_the_meeting_held_and_keep_decisions(world):
    m = meeting(world, days=-1)
    item = factories.AgendaItemFactory(meeting=m)
    services.save_minutes(
        meeting=m,
        minutes={item.pk: ("Discussed.", ["Record dental absences"])},
        by=world.people["coordinator"],
    )
    m.refresh_from_db()
    assert (m.status, [d.text for d in item.decisions.all()]) == (
        "held",
        ["Record dental absences"],
    )


def test_minutes_wait_for_the_meeting_to_start(world):
    m = meeting(world, days=3)
    item = factories.AgendaItemFactory(meeting=m)
    with pytest.raises(ValidationError):
        services.save_minutes(
            meeting=m, minutes={item.pk: ("Too early", [])}, by=world.people["coordinator"]
        )


def test_action_created_from_minutes_links_back_to_the_meeting(world):
    m = meeting(world, days=-1)
    created = services.create_action_from_minutes(
        meeting=m, title="Invite the community dental service", by=world.people["coordinator"]
    )
    assert (created.meeting, list(m.new_actions.all())) == (m, [created])


def test_action_page_links_back_to_its_meeting(client, world):
    m = meeting(world, days=-1)
    created = services.create_action_from_minutes(
        meeting=m, title="Dental service", by=world.people["coordinator"]
    )
    client.force_login(world.people["member"])
    response = client.get(created.get_absolute_url())
    assert m.get_absolute_url() in response.content.decode()


def test_action_from_minutes_through_the_page(client, world):
    m = meeting(world, days=-1)
    client.force_login(world.people["coordinator"])
    client.post(
        reverse("meeting_action_new", kwargs={"slug": "keighley", "pk": m.pk}),
        {"title": "Food survey", "status": "not_started"},
    )
    assert m.new_actions.get().title == "Food survey"


def test_attendance_only_for_members(world):
    m = meeting(world, days=-1)
    with pytest.raises(ValidationError):
        services.record_attendance(
            meeting=m, statuses={world.outsider.pk: "attended"}, by=world.people["coordinator"]
        )


def test_attendance_and_apologies_are_recorded(world):
    m = meeting(world, days=-1)
    services.record_attendance(
        meeting=m,
        statuses={
            world.people["member"].pk: "attended",
            world.people["young_person"].pk: "apologies",
        },
        by=world.people["coordinator"],
    )
    assert dict(m.attendance.values_list("person_id", "status")) == {
        world.people["member"].pk: "attended",
        world.people["young_person"].pk: "apologies",
    }


def test_a_person_is_recorded_once_per_meeting(world):
    m = meeting(world)
    factories.AttendanceFactory(meeting=m, person=world.people["member"])
    with pytest.raises(IntegrityError):
        factories.AttendanceFactory(meeting=m, person=world.people["member"])


def test_meeting_must_end_after_it_starts(world):
    start = timezone.now()
    with pytest.raises(IntegrityError):
        factories.MeetingFactory(partnership=world.keighley, starts_at=start, ends_at=start)


def test_scheduling_a_meeting_ticks_the_meeting_dates_step(world):
    start = timezone.now() + datetime.timedelta(days=30)
    services.schedule_meeting(
        partnership=world.keighley,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        by=world.people["coordinator"],
    )
    assert (
        StepProgress.objects.get(partnership=world.keighley, step__key="set-meeting-dates").status
        == "done"
    )


def test_changing_a_meeting_raises_its_calendar_sequence(world):
    m = meeting(world)
    services.update_meeting(meeting=m, location="Keighley Library", by=world.people["coordinator"])
    assert m.sequence == 1


def test_next_termly_dates_are_one_per_term():
    assert next_termly_dates(datetime.date(2024, 10, 7)) == [
        datetime.date(2024, 11, 15),
        datetime.date(2025, 2, 24),
        datetime.date(2025, 6, 10),
    ]


def test_next_termly_dates_keep_the_weekday_asked_for():
    dates = next_termly_dates(datetime.date(2024, 10, 7), weekday=4)
    assert [d.weekday() for d in dates] == [4, 4, 4]


def test_termly_dates_skip_weekends():
    assert next_termly_dates(datetime.date(2025, 10, 1), count=1) == [datetime.date(2025, 11, 17)]


def test_termly_page_schedules_the_dates_offered(client, world):
    client.force_login(world.people["coordinator"])
    url = reverse("meetings_schedule_termly", kwargs={"slug": "keighley"})
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in ("date_1", "date_2", "date_3", "start", "end")}
    data = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in data.items()}
    response = client.post(url, data)
    assert (response.status_code, world.keighley.meetings.count()) == (302, 3)


def test_termly_page_refuses_dates_in_the_past(client, world):
    client.force_login(world.people["coordinator"])
    url = reverse("meetings_schedule_termly", kwargs={"slug": "keighley"})
    response = client.post(url, {"date_1": "2020-01-10", "start": "10:00", "end": "12:00"})
    assert (response.status_code, world.keighley.meetings.count()) == (200, 0)


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.people["coordinator"])
    return client


def page(name, m):
    return reverse(name, kwargs={"slug": "keighley", "pk": m.pk})


def test_agenda_page_builds_the_agenda_from_the_plan(coordinator, world):
    a = action(world, status="at_risk")
    m = meeting(world)
    coordinator.post(page("meeting_agenda", m), {"generate": "1"})
    assert agenda_actions(m) == [a]


def test_agenda_page_removes_an_item(coordinator, world):
    m = meeting(world)
    item = factories.AgendaItemFactory(meeting=m)
    coordinator.post(page("meeting_agenda", m), {"remove": item.pk})
    assert not m.agenda.exists()


def test_agenda_page_adds_a_free_item(coordinator, world):
    m = meeting(world)
    coordinator.post(page("meeting_agenda", m), {"add": "1", "title": "Keighley Food Conversation"})
    assert [i.title for i in m.agenda.all()] == ["Keighley Food Conversation"]


def test_minutes_page_saves_minutes_and_decisions(coordinator, world):
    m = meeting(world, days=-1)
    item = factories.AgendaItemFactory(meeting=m)
    coordinator.post(
        page("meeting_minutes", m),
        {
            f"minutes_{item.pk}": "Kits delivered.",
            f"decisions_{item.pk}": "Order more kits\nAsk the ICB",
        },
    )
    item.refresh_from_db()
    assert (item.minutes, item.decisions.count()) == ("Kits delivered.", 2)


def test_attendance_page_records_apologies(coordinator, world):
    m = meeting(world)
    person = world.people["young_person"]
    coordinator.post(page("meeting_attendance", m), {f"person_{person.pk}": "apologies"})
    assert m.attendance.get(person=person).status == "apologies"


def test_cancelling_a_meeting_keeps_it_for_calendars(coordinator, world):
    m = meeting(world)
    coordinator.post(page("meeting_edit", m), {"cancel": "1"})
    m.refresh_from_db()
    assert (m.status, m.sequence) == ("cancelled", 1)


def test_new_meeting_page_schedules_a_meeting(coordinator, world):
    day = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    coordinator.post(
        reverse("meeting_new", kwargs={"slug": "keighley"}),
        {
            "kind": "partnership",
            "date": day,
            "start": "10:00",
            "end": "12:00",
            "location": "Keighley Library",
        },
    )
    assert world.keighley.meetings.get().location == "Keighley Library"


def test_new_meeting_must_end_after_it_starts(coordinator, world):
    day = (timezone.localdate() + datetime.timedelta(days=40)).isoformat()
    response = coordinator.post(
        reverse("meeting_new", kwargs={"slug": "keighley"}),
        {"kind": "partnership", "date": day, "start": "12:00", "end": "10:00"},
    )
    assert (response.status_code, "end" in response.context["form"].errors) == (200, True)


def test_calendar_link_page_makes_a_new_partnership_link(coordinator, world):
    old = services.partnership_feed(partnership=world.keighley).token
    coordinator.post(reverse("meetings_calendar_reset", kwargs={"slug": "keighley"}))
    assert services.partnership_feed(partnership=world.keighley).token != old


# The agenda from the page (issue 7, item 12) ------------------------------------------------------


def build_agenda_from_the_page(client, m):
    """Press the page's "build the agenda" button, in the form the page renders around it."""
    response = client.get(page("meeting_agenda", m))
    soup = BeautifulSoup(response.content, "html.parser")
    posts = [f for f in soup.find_all("form") if f.get("method", "get").lower() == "post"]
    index = next(n for n, f in enumerate(posts) if f.find("button", attrs={"name": "generate"}))
    form = page_form(response, index=index)
    return submit(client, response, form, button=("generate", "1"))


def test_agenda_takes_only_the_current_focus_issues_actions(coordinator, world):
    current = action(world, title="Healthy Start Champions training")
    earlier_focus = factories.FocusIssueFactory(
        partnership=world.keighley, status="past", title="School readiness"
    )
    factories.ActionFactory(
        partnership=world.keighley, focus_issue=earlier_focus, title="Reading at home packs"
    )
    m = meeting(world)
    build_agenda_from_the_page(coordinator, m)
    assert agenda_actions(m) == [current]


def test_item_added_on_the_page_goes_before_any_other_business(coordinator, world):
    action(world)
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    response = coordinator.get(page("meeting_agenda", m))
    form = page_form(response, with_field="title").set("title", "Keighley Food Conversation")
    submit(coordinator, response, form, button=("add", "1"))
    assert [i.title for i in m.agenda.all()][-2:] == [
        "Keighley Food Conversation",
        services.CLOSING_ITEM,
    ]


def test_agenda_built_again_on_the_page_keeps_any_other_business_last(coordinator, world):
    action(world)
    m = meeting(world)
    services.generate_agenda(meeting=m, by=world.people["coordinator"])
    new = action(world, title="Healthy Start Champions training")
    build_agenda_from_the_page(coordinator, m)
    titles = [i.title for i in m.agenda.all()]
    assert titles[-2:] == [new.title, services.CLOSING_ITEM]
