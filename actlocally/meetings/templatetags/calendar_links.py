"""Links that add a calendar feed to a calendar program in one tap."""

from urllib.parse import quote, urlsplit, urlunsplit

from django import template

register = template.Library()


@register.filter
def webcal(url: str) -> str:
    """The feed's address as webcal://: phones and desktop calendars open it as a subscription
    rather than downloading the file once."""
    parts = urlsplit(url)
    return urlunsplit(("webcal", *parts[1:])) if parts.scheme in {"http", "https"} else url


@register.filter
def google_calendar(url: str) -> str:
    """Google Calendar's own "add by URL" page, with the feed filled in."""
    return "https://calendar.google.com/calendar/r?cid=" + quote(webcal(url), safe="")
