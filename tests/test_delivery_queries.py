"""The delivery pages fetch what they show in a fixed number of queries, however much there is."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actlocally.meetings import services as meeting_services
from actlocally.theory import services as theory_services

from . import factories


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx)


def add_actions(world, n, meeting=None):
    outcome = world.focus.outcomes.get()
    for _ in range(n):
        action = factories.ActionFactory(
            partnership=world.keighley,
            focus_issue=world.focus,
            outcome=outcome,
            owner=factories.MembershipFactory(partnership=world.keighley).person,
            owner_organisation=factories.OrganisationFactory(),
            meeting=meeting,
        )
        factories.ProgressNoteFactory(action=action, written_by=world.people["member"])
        if meeting is not None:
            factories.AgendaItemFactory(meeting=meeting, action=action)


@pytest.fixture
def member_client(client, world):
    client.force_login(world.people["coordinator"])
    return client


def grows(member_client, world, url, meeting=None) -> bool:
    add_actions(world, 2, meeting)
    before = queries(member_client, url)
    add_actions(world, 5, meeting)
    return queries(member_client, url) != before


def test_action_plan_queries_do_not_grow_with_actions(member_client, world):
    assert not grows(member_client, world, reverse("action_plan", kwargs={"slug": "keighley"}))


def test_theory_page_queries_do_not_grow_with_actions(member_client, world):
    theory_services.save_theory(
        focus_issue=world.focus, intended_outcomes=list(world.focus.outcomes.all()), by=None
    )
    assert not grows(member_client, world, reverse("theory_of_change", kwargs={"slug": "keighley"}))


def test_meeting_page_queries_do_not_grow_with_its_agenda(member_client, world):
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    url = reverse("meeting_detail", kwargs={"slug": "keighley", "pk": meeting.pk})
    assert not grows(member_client, world, url, meeting)


def test_calendar_feed_queries_do_not_grow_with_meetings(client, world):
    feed = meeting_services.partnership_feed(partnership=world.keighley)
    factories.AgendaItemFactory(meeting=factories.MeetingFactory(partnership=world.keighley))
    before = queries(client, feed.get_absolute_url())
    for _ in range(5):
        factories.AgendaItemFactory(meeting=factories.MeetingFactory(partnership=world.keighley))
    assert queries(client, feed.get_absolute_url()) == before
