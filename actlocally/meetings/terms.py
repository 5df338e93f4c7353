"""Termly meeting dates: one convening partnership meeting in each school term.

English school terms differ a little by local authority and year, so the platform only proposes
dates and the co-ordinator confirms or changes them. Each proposal falls after the term's
half-term break, when schools are settled: mid November, late February and early June.
"""

import datetime

# (term name, month, day): the first school day on or after this date is proposed.
TERM_TARGETS = [
    ("autumn", 11, 15),
    ("spring", 2, 24),
    ("summer", 6, 10),
]


def next_termly_dates(
    after: datetime.date, *, count: int = 3, weekday: int | None = None
) -> list[datetime.date]:
    """The next `count` termly dates after `after`, on `weekday` (0 is Monday) if given, or else
    on the first weekday (Monday to Friday) on or after each term's target day."""
    found: list[datetime.date] = []
    year = after.year - 1
    while len(found) < count:
        year += 1
        for _name, month, day in sorted(TERM_TARGETS, key=lambda t: (t[1], t[2])):
            date = _on_or_after(datetime.date(year, month, day), weekday)
            if date > after and len(found) < count:
                found.append(date)
    return found


def _on_or_after(date: datetime.date, weekday: int | None) -> datetime.date:
    if weekday is not None:
        return date + datetime.timedelta(days=(weekday - date.weekday()) % 7)
    while date.weekday() >= 5:  # Saturday or Sunday: schools are closed
        date += datetime.timedelta(days=1)
    return date
