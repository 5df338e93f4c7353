"""iCalendar feeds: they parse as RFC 5545, carry the right events, and answer only the right token."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import IntegrityError
from django.urls import reverse

from actlocally.meetings import services

from . import factories


def meeting(world, partnership=None, **kwargs):
    start = datetime.datetime(2030, 2, 22, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    return factories.MeetingFactory(
        partnership=partnership or world.keighley,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        **kwargs,
    )


def events(response):
    cal = icalendar.Calendar.from_ical(response.content)
    return cal, list(cal.walk("VEVENT"))


def test_partnership_feed_parses_with_the_partnerships_meetings(client, world):
    m = meeting(world, location="Keighley Library")
    meeting(world, partnership=world.holme_wood)
    feed = services.partnership_feed(partnership=world.keighley)
    _cal, found = events(client.get(feed.get_absolute_url()))
    assert [(str(e["uid"]), str(e["location"])) for e in found] == [
        (f"{m.uid}@actlocally", "Keighley Library")
    ]


def test_feed_event_times_are_london_time_with_a_timezone(client, world):
    meeting(world)
    feed = services.partnership_feed(partnership=world.keighley)
    cal, (event,) = events(client.get(feed.get_absolute_url()))
    start = event.decoded("dtstart")
    assert (str(start.tzinfo), start.hour, len(cal.walk("VTIMEZONE"))) == ("Europe/London", 10, 1)


def test_feed_has_the_required_properties(client, world):
    meeting(world)
    feed = services.partnership_feed(partnership=world.keighley)
    cal, (event,) = events(client.get(feed.get_absolute_url()))
    assert {"PRODID", "VERSION"} <= set(cal) and {
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
    } <= set(event)


def test_feed_lines_end_with_crlf_and_are_folded(client, world):
    meeting(
        world,
        focus="Supervised tooth brushing (BRUSH) and recording school absences for dental reasons "
        * 3,
    )
    body = client.get(
        services.partnership_feed(partnership=world.keighley).get_absolute_url()
    ).content
    lines = body.split(b"\r\n")
    assert b"\n" not in b"".join(lines) and max(len(line) for line in lines) <= 75


def test_feed_names_no_attendees(client, world):
    m = meeting(world)
    factories.AttendanceFactory(meeting=m, person=world.people["member"])
    body = client.get(
        services.partnership_feed(partnership=world.keighley).get_absolute_url()
    ).content
    assert world.people["member"].full_name.encode() not in body


def test_feed_includes_the_agenda(client, world):
    m = meeting(world)
    factories.AgendaItemFactory(meeting=m, title="Healthy Start vouchers")
    _cal, (event,) = events(
        client.get(services.partnership_feed(partnership=world.keighley).get_absolute_url())
    )
    assert "1. Healthy Start vouchers" in str(event["description"])


def test_cancelled_meeting_stays_in_the_feed_as_cancelled(client, world):
    meeting(world, status="cancelled")
    _cal, (event,) = events(
        client.get(services.partnership_feed(partnership=world.keighley).get_absolute_url())
    )
    assert str(event["status"]) == "CANCELLED"


def test_wrong_partnership_token_is_not_found(client, world):
    services.partnership_feed(partnership=world.keighley)
    url = reverse("partnership_calendar_feed", kwargs={"token": "not-the-token"})
    assert client.get(url).status_code == 404


def test_person_token_does_not_open_a_partnership_feed(client, world):
    feed = services.person_feed(person=world.people["member"])
    url = reverse("partnership_calendar_feed", kwargs={"token": feed.token})
    assert client.get(url).status_code == 404


def test_regenerated_token_shuts_the_old_link(client, world):
    feed = services.partnership_feed(partnership=world.keighley)
    old_url = feed.get_absolute_url()
    services.regenerate_feed(feed=feed, by=world.people["coordinator"])
    assert (client.get(old_url).status_code, client.get(feed.get_absolute_url()).status_code) == (
        404,
        200,
    )


def test_person_feed_has_meetings_of_their_partnerships_only(client, world):
    mine = meeting(world)
    meeting(world, partnership=world.holme_wood)
    feed = services.person_feed(person=world.people["member"])
    _cal, found = events(client.get(feed.get_absolute_url()))
    assert [str(e["uid"]) for e in found] == [f"{mine.uid}@actlocally"]


def test_person_feed_stops_when_the_account_is_deactivated(client, world):
    person = world.people["member"]
    feed = services.person_feed(person=person)
    person.is_active = False
    person.save()
    assert client.get(feed.get_absolute_url()).status_code == 404


def test_person_can_regenerate_their_own_link(client, world):
    person = world.people["member"]
    old = services.person_feed(person=person).token
    client.force_login(person)
    client.post(reverse("my_calendar"))
    assert services.person_feed(person=person).token != old


def test_partnership_feed_link_is_shown_to_members_but_not_the_board(client, world):
    token = services.partnership_feed(partnership=world.keighley).token
    url = reverse("meetings", kwargs={"slug": "keighley"})
    client.force_login(world.people["observer"])
    member_sees = token in client.get(url).content.decode()
    client.force_login(world.people["board"])
    board_sees = token in client.get(url).content.decode()
    assert (member_sees, board_sees) == (True, False)


def test_single_meeting_download_is_one_event(client, world):
    m = meeting(world)
    client.force_login(world.people["member"])
    response = client.get(reverse("meeting_ics", kwargs={"slug": "keighley", "pk": m.pk}))
    _cal, found = events(response)
    assert (response["Content-Type"].startswith("text/calendar"), len(found)) == (True, 1)


def test_calendar_feed_is_for_a_partnership_or_a_person_not_both(world):
    with pytest.raises(IntegrityError):
        factories.CalendarFeedFactory(partnership=world.keighley, person=world.people["member"])


def test_feed_says_the_time_the_way_the_pages_do(client, world):
    start = datetime.datetime(2027, 3, 5, 10, 30, tzinfo=ZoneInfo("Europe/London"))
    factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    _cal, (event,) = events(
        client.get(services.partnership_feed(partnership=world.keighley).get_absolute_url())
    )
    assert str(event["description"]).startswith("Friday 5 March 2027, 10:30am to 12:30pm (UK time)")
