"""Times in the GOV.UK style, on every page that shows one (issue 7, item 8: "10:00a.m.")."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from actlocally.core.times import govuk_time, govuk_time_range

from . import factories

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("hour", "minute", "expected"),
    [
        (10, 0, "10am"),
        (10, 30, "10:30am"),
        (9, 5, "9:05am"),
        (12, 0, "midday"),
        (12, 30, "12:30pm"),
        (17, 30, "5:30pm"),
        (0, 0, "midnight"),
        (23, 59, "11:59pm"),
    ],
)
def test_govuk_time(hour, minute, expected):
    assert govuk_time(datetime.time(hour, minute)) == expected


def test_govuk_time_range():
    assert govuk_time_range(datetime.time(10), datetime.time(12)) == "10am to midday"


def test_an_aware_datetime_is_shown_in_uk_time():
    summer = datetime.datetime(2027, 6, 4, 9, 0, tzinfo=datetime.UTC)
    assert govuk_time(summer) == "10am"


@pytest.fixture
def next_meeting(world):
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=7), datetime.time(10)
        )
    )
    return factories.MeetingFactory(
        partnership=world.keighley,
        title="Termly partnership meeting",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    )


@pytest.fixture
def member(world):
    client = Client()
    client.force_login(world.people["member"])
    return client


def test_overview_next_meeting_panel_says_10am(member, next_meeting):
    page = member.get("/partnerships/keighley/").content.decode()
    assert ", 10am" in page and "a.m." not in page


def test_meetings_list_says_10am_to_midday(member, next_meeting):
    page = member.get("/partnerships/keighley/meetings/").content.decode()
    assert "10am to midday" in page and "10:00" not in page


def test_meeting_page_says_10am_to_midday(member, next_meeting):
    page = member.get(next_meeting.get_absolute_url()).content.decode()
    assert "10am to midday" in page and "10:00" not in page


def test_symposium_page_says_its_time_the_same_way(world, member):
    start = datetime.datetime(2027, 3, 5, 9, 30, tzinfo=LONDON)
    s = factories.SymposiumFactory(partnership=world.keighley, starts_at=start)
    page = member.get(s.get_absolute_url()).content.decode()
    assert "Friday 5 March 2027, 9:30am" in page
