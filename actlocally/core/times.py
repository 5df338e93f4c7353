"""Times as GOV.UK writes them: "10am", "10:30am", "midday", "10am to midday" (UK time)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _


def _local(value: datetime.datetime | datetime.time) -> datetime.time:
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.time()
    return value


def govuk_time(value: datetime.datetime | datetime.time | None) -> str:
    """One time of day in the GOV.UK style: 10am, 5:30pm, midday, midnight. Never "10:00a.m."."""
    if value is None:
        return ""
    t = _local(value)
    if (t.hour, t.minute) == (0, 0):
        return _("midnight")
    if (t.hour, t.minute) == (12, 0):
        return _("midday")
    hour = t.hour % 12 or 12
    clock = f"{hour}:{t.minute:02d}" if t.minute else str(hour)
    return (_("%(time)sam") if t.hour < 12 else _("%(time)spm")) % {"time": clock}


def govuk_time_range(start, end) -> str:
    """From one time to another: "10am to midday"."""
    return _("%(start)s to %(end)s") % {"start": govuk_time(start), "end": govuk_time(end)}
