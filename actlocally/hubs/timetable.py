"""A hub's timetable: sessions repeat by an RFC 5545 recurrence rule (parsed by dateutil) and
skip the local authority's school holidays. A rule must end (COUNT or UNTIL) and must give at
least one session outside the holidays; otherwise it is refused with a reason."""

import datetime
from collections.abc import Iterable

from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import HolidayPeriod, Session

# More sessions than this from one rule is a mistake (a daily rule for years), not a timetable.
MOST_SESSIONS = 400


def rule_dates(rrule: str, first_on: datetime.date) -> list[datetime.date]:
    """Every date `rrule` gives from `first_on`; ValidationError (on "rrule") saying why a rule
    cannot be used: unreadable, never ending, or too many sessions."""
    text = rrule.strip().removeprefix("RRULE:")
    upper = text.upper()
    if not text or "DTSTART" in upper or "\n" in text:
        raise ValidationError(
            {"rrule": _("Enter one rule, such as FREQ=WEEKLY;BYDAY=TU;COUNT=12.")}
        )
    keys = [part.split("=", 1)[0].strip() for part in upper.split(";") if part.strip()]
    if len(keys) != len(set(keys)):
        raise ValidationError({"rrule": _("Give each part of the rule once.")})
    if "COUNT" in keys and "UNTIL" in keys:
        raise ValidationError(
            {"rrule": _("Give COUNT (how many times) or UNTIL (a last date), not both.")}
        )
    if "COUNT" not in keys and "UNTIL" not in keys:
        raise ValidationError(
            {"rrule": _("The rule never ends: add COUNT (how many times) or UNTIL (a last date).")}
        )
    start = datetime.datetime.combine(first_on, datetime.time())
    try:
        rule = rrulestr(f"RRULE:{text}", dtstart=start)
        dates = []
        for moment in rule:
            dates.append(moment.date())
            if len(dates) > MOST_SESSIONS:
                raise ValidationError(
                    {"rrule": _("The rule gives more than %(n)s sessions.") % {"n": MOST_SESSIONS}}
                )
    except (ValueError, TypeError, OverflowError):
        raise ValidationError({"rrule": _("This rule cannot be read.")}) from None
    return dates


def in_holidays(day: datetime.date, holidays: Iterable[HolidayPeriod]) -> bool:
    return any(h.starts_on <= day <= h.ends_on for h in holidays)


def check_session(
    *, rrule: str, first_on: datetime.date, skips_holidays: bool, holidays: list[HolidayPeriod]
) -> list[datetime.date]:
    """The dates a session would run on; ValidationError if there would be none."""
    dates = rule_dates(rrule, first_on)
    if skips_holidays:
        dates = [d for d in dates if not in_holidays(d, holidays)]
    if not dates:
        raise ValidationError(
            {"rrule": _("The rule gives no sessions outside the school holidays.")}
        )
    return dates


def session_dates(session: Session, holidays: list[HolidayPeriod]) -> tuple[list, list]:
    """(dates it runs, dates it skips for a holiday)."""
    dates = rule_dates(session.rrule, session.first_on)
    if not session.skips_holidays:
        return dates, []
    skipped = [d for d in dates if in_holidays(d, holidays)]
    return [d for d in dates if d not in skipped], skipped


def between(
    sessions: Iterable[Session], holidays: list[HolidayPeriod], start, end
) -> list[tuple[datetime.date, Session]]:
    """Every (date, session) from `start` to `end` inclusive, in time order."""
    found = []
    for session in sessions:
        runs, _skipped = session_dates(session, holidays)
        found += [(d, session) for d in runs if start <= d <= end]
    return sorted(found, key=lambda pair: (pair[0], pair[1].starts_at, pair[1].title))
