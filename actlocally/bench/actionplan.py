"""Speed of the action plan, theory of change and meeting calendar, with the demo data."""

from django.test import Client

from actlocally.meetings.models import CalendarFeed
from actlocally.meetings.services import partnership_feed
from actlocally.partnerships.models import Partnership

from . import benchmark, median_ms
from .pages import signed_in_client


def _page_ms(path: str) -> float:
    client = signed_in_client("coordinator@example.org")

    def fetch():
        response = client.get(path)
        assert response.status_code == 200

    return median_ms(fetch)


@benchmark("action-plan-page", unit="ms", target="under 200 ms (median, warm)")
def action_plan_page() -> float:
    return _page_ms("/partnerships/keighley/actions/")


@benchmark("theory-of-change-page", unit="ms", target="under 200 ms (median, warm)")
def theory_of_change_page() -> float:
    return _page_ms("/partnerships/keighley/theory-of-change/")


@benchmark("partnership-calendar-feed", unit="ms", target="under 200 ms (median, warm)")
def partnership_calendar_feed() -> float:
    feed: CalendarFeed = partnership_feed(partnership=Partnership.objects.get(slug="keighley"))
    client = Client()

    def fetch():
        response = client.get(feed.get_absolute_url())
        assert response.status_code == 200

    return median_ms(fetch)
