"""Template filters for times in the GOV.UK style; see actlocally/core/times.py."""

from django import template

from actlocally.core.times import govuk_time, govuk_time_range

register = template.Library()


@register.filter(name="govuk_time")
def govuk_time_filter(value):
    """{{ meeting.starts_at|govuk_time }} -> "10am"."""
    return govuk_time(value)


@register.filter(name="govuk_time_to")
def govuk_time_to_filter(start, end):
    """{{ meeting.starts_at|govuk_time_to:meeting.ends_at }} -> "10am to midday"."""
    return govuk_time_range(start, end)
