"""A hub's timetable as iCalendar (RFC 5545): one event per session with its RRULE, and an
EXDATE for each date it skips for a school holiday, so a calendar program shows the term-time
pattern with the holidays missing; and one event per one-stop-shop day. Times carry TZID Europe/London with its VTIMEZONE."""

import datetime
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vRecur

from .models import HolidayPeriod, Hub
from .timetable import session_dates

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Act Locally//School Health Hub timetable//EN"


def _recurrence(rrule: str) -> vRecur:
    recur = vRecur.from_ical(rrule)
    until = recur.get("UNTIL")
    if until:
        # With a zoned DTSTART, UNTIL must be a UTC date-time (RFC 5545 3.3.10).
        day = until[0]
        day = day.date() if isinstance(day, datetime.datetime) else day
        end = datetime.datetime.combine(day, datetime.time(23, 59, 59), tzinfo=LONDON)
        recur["UNTIL"] = [end.astimezone(datetime.UTC)]
    return recur


def calendar_for(
    hub: Hub, sessions, holidays: list[HolidayPeriod], *, base_url: str, days=()
) -> bytes:
    """The hub's sessions (recurring) and its one-stop-shop `days` (one event each)."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", hub.name)
    cal.add("x-wr-timezone", "Europe/London")
    stamp = datetime.datetime.now(tz=datetime.UTC)
    url = base_url.rstrip("/") + hub.get_absolute_url()
    for session in sessions:
        _runs, skipped = session_dates(session, holidays)
        event = Event()
        event.add("uid", f"hub-session-{session.pk}@actlocally")
        event.add("dtstamp", stamp)
        event.add(
            "dtstart",
            datetime.datetime.combine(session.first_on, session.starts_at, tzinfo=LONDON),
        )
        event.add(
            "dtend", datetime.datetime.combine(session.first_on, session.ends_at, tzinfo=LONDON)
        )
        event.add("rrule", _recurrence(session.rrule))
        if skipped:
            event.add(
                "exdate",
                [datetime.datetime.combine(d, session.starts_at, tzinfo=LONDON) for d in skipped],
            )
        event.add("summary", f"{hub.name}: {session.title}")
        if session.location_id:
            event.add("location", f"{session.location.name}, {session.location.address_1}")
        event.add("url", url)
        cal.add_component(event)
    for day in days:
        event = Event()
        event.add("uid", f"hub-day-{day.pk}@actlocally")
        event.add("dtstamp", stamp)
        event.add("dtstart", datetime.datetime.combine(day.on, day.starts_at, tzinfo=LONDON))
        event.add("dtend", datetime.datetime.combine(day.on, day.ends_at, tzinfo=LONDON))
        event.add("summary", f"{hub.name}: {day.title}")
        present = ", ".join(s.name for s in day.services.all())
        event.add("description", "\n".join(x for x in (day.description, present) if x))
        if day.location_id:
            event.add("location", f"{day.location.name}, {day.location.address_1}")
        event.add("url", url)
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical()
