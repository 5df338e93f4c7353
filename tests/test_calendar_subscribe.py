"""Subscribing to a meetings calendar from a phone: a webcal:// link, the whole address, a copy
button and steps for Outlook, Google and Apple calendars."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

pytestmark = pytest.mark.django_db


def subscribe_box(client, world, url):
    client.force_login(world.people["member"])
    return BeautifulSoup(client.get(url).content, "html.parser").select_one(".app-subscribe")


@pytest.fixture(params=["meetings", "my_calendar"])
def box(request, client, world):
    url = (
        reverse("meetings", kwargs={"slug": "keighley"})
        if request.param == "meetings"
        else reverse("my_calendar")
    )
    return subscribe_box(client, world, url)


def feed_address(box):
    return box.select_one("textarea").get_text()


def test_calendar_page_links_the_feed_as_webcal(box):
    address = feed_address(box)
    assert address.startswith("http://testserver/calendar/")
    webcal = box.find("a", string="Subscribe in your calendar app")["href"]
    assert webcal == "webcal://" + address.removeprefix("http://")


def test_calendar_address_is_in_a_box_that_wraps(box):
    field = box.select_one("textarea")
    assert field.has_attr("readonly") and field["id"] == box.label["for"]


def test_copy_button_waits_for_javascript(box):
    button = box.select_one("button.app-copy-button")
    assert button.has_attr("hidden") and button["data-copy-target"] == box.textarea["id"]


def test_calendar_page_explains_outlook_google_and_apple(box):
    summaries = [s.get_text(strip=True) for s in box.select(".govuk-details__summary-text")]
    assert summaries == ["Outlook", "Google Calendar", "Apple Calendar (iPhone, iPad and Mac)"]


def test_google_link_carries_the_webcal_address(box):
    link = box.find("a", string="Open Google Calendar with this address filled in")["href"]
    assert parse_qs(urlsplit(link).query)["cid"] == [
        "webcal://" + feed_address(box).removeprefix("http://")
    ]


def test_own_calendar_page_keeps_its_headings_in_order(client, world):
    box = subscribe_box(client, world, reverse("my_calendar"))
    assert box.find("h2", string="How to add it to your calendar")
