"""Meetings as iCalendar (RFC 5545), for calendar programs: built with the `icalendar` library,
which folds lines, escapes text and writes CRLF endings; times carry TZID Europe/London with its
VTIMEZONE. Events name no attendees: a feed link can be forwarded, so it holds nothing personal."""

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from actlocally.core.times import govuk_time_range

from .models import Meeting

LONDON = ZoneInfo("Europe/London")
PRODID = "-//Act Locally//Partnership meetings//EN"


def calendar_for(meetings: Iterable[Meeting], *, name: str, base_url: str) -> bytes:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/London")
    # How often subscribers should fetch again (RFC 7986, and Outlook's older property).
    cal.add("refresh-interval", datetime.timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    stamp = datetime.datetime.now(tz=datetime.UTC)
    for meeting in meetings:
        cal.add_component(_event(meeting, stamp=stamp, base_url=base_url.rstrip("/")))
    cal.add_missing_timezones()
    return cal.to_ical()


def _event(meeting: Meeting, *, stamp: datetime.datetime, base_url: str) -> Event:
    url = base_url + meeting.get_absolute_url()
    event = Event()
    event.add("uid", f"{meeting.uid}@actlocally")
    event.add("dtstamp", stamp)
    event.add("dtstart", timezone.localtime(meeting.starts_at, LONDON))
    event.add("dtend", timezone.localtime(meeting.ends_at, LONDON))
    event.add("summary", f"{meeting.partnership.name}: {meeting.title}")
    location = meeting.location or meeting.online_link
    if location:
        event.add("location", location)
    event.add("description", _description(meeting, url))
    event.add("url", url)
    event.add("sequence", meeting.sequence)
    event.add("last-modified", meeting.updated_at.astimezone(datetime.UTC))
    event.add("status", "CANCELLED" if meeting.status == Meeting.Status.CANCELLED else "CONFIRMED")
    return event


def _description(meeting: Meeting, url: str) -> str:
    # Said in words too, the way the pages say it, for calendars that show the text alone.
    start = timezone.localtime(meeting.starts_at, LONDON)
    lines = [
        _("%(date)s, %(times)s (UK time)")
        % {
            "date": formats.date_format(start, "l j F Y"),
            "times": govuk_time_range(
                start.time(), timezone.localtime(meeting.ends_at, LONDON).time()
            ),
        },
        "",
    ]
    if meeting.focus:
        lines += [meeting.focus, ""]
    agenda = list(meeting.agenda.all())
    if agenda:
        lines.append(_("Agenda:"))
        lines += [f"{n}. {item.title}" for n, item in enumerate(agenda, start=1)]
        lines.append("")
    if meeting.online_link:
        lines += [_("Join online: %(link)s") % {"link": meeting.online_link}, ""]
    lines.append(_("Agenda, papers and minutes: %(url)s") % {"url": url})
    return "\n".join(lines)
