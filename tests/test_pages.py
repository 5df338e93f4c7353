"""Pages: what people see and what forms do with bad input, in a fixed number of queries."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from actlocally.partnerships.models import FocusIssue, Role, TimelineEvent

from .factories import MembershipFactory, PartnershipFactory, TimelineEventFactory

pytestmark = pytest.mark.django_db


def test_home_lists_public_areas_only(client, world):
    world.holme_wood.is_public = False
    world.holme_wood.save()
    content = client.get(reverse("home")).content.decode()
    assert world.keighley.area_name in content and world.holme_wood.area_name not in content


def test_public_area_page_shows_focus_and_outcomes(client, world):
    content = client.get(reverse("area", kwargs={"slug": "keighley"})).content.decode()
    assert world.focus.title in content and "Children are food secure." in content


def test_public_page_hides_private_timeline_events(client, world):
    TimelineEventFactory(partnership=world.keighley, title="Private planning", is_public=False)
    assert (
        b"Private planning" not in client.get(reverse("area", kwargs={"slug": "keighley"})).content
    )


def test_dashboard_lists_only_visible_partnerships(client, world):
    client.force_login(world.people["member"])
    content = client.get(reverse("dashboard")).content.decode()
    assert "Act Locally: Keighley" in content and "Act Locally: Holme Wood" not in content


def test_new_focus_issue_form_refuses_missing_date(client, world):
    client.force_login(world.people["coordinator"])
    response = client.post(
        reverse("focus_issue_new", kwargs={"slug": "keighley"}), {"title": "New"}
    )
    assert b"govuk-error-summary" in response.content


def test_new_focus_issue_form_sets_the_focus(client, world):
    client.force_login(world.people["coordinator"])
    client.post(
        reverse("focus_issue_new", kwargs={"slug": "keighley"}),
        {
            "title": "Attendance",
            "summary": "",
            "outcomes": "Fewer absences\nMore support",
            "started_on": "2025-01-01",
        },
    )
    assert FocusIssue.objects.get(partnership=world.keighley, status="active").title == "Attendance"


def test_timeline_form_refuses_an_end_before_the_start(client, world):
    client.force_login(world.people["coordinator"])
    response = client.post(
        reverse("timeline_new", kwargs={"slug": "keighley"}),
        {
            "title": "X",
            "kind": "meeting",
            "starts_on": "2024-05-01",
            "ends_on": "2024-01-01",
            "precision": "day",
            "is_public": "on",
        },
    )
    assert (
        b"govuk-error-summary" in response.content
        and not TimelineEvent.objects.filter(title="X").exists()
    )


def test_invite_form_sends_an_invitation(
    client, world, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(world.people["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("member_invite", kwargs={"slug": "keighley"}),
            {"full_name": "A Parent", "email": "parent@example.org", "role": Role.COMMUNITY_REP},
        )
    assert mailoutbox[0].to == ["parent@example.org"]


def test_journey_step_update_by_research_partner(client, world):
    client.force_login(world.people["research_partner"])
    client.post(
        reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"}),
        {
            "status": "done",
            "on": "2024-01-01",
            "evidence_label": "Slides",
            "evidence_url": "",
            "note": "",
        },
    )
    assert world.keighley.journey_progress.get(step__key="outline-purpose").status == "done"


def test_journey_step_update_is_refused_for_a_member(client, world):
    client.force_login(world.people["member"])
    response = client.post(
        reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"}),
        {"status": "done"},
    )
    assert response.status_code == 403


def test_history_shows_who_changed_what(client, world):
    client.force_login(world.people["coordinator"])
    client.post(
        reverse("early_impact", kwargs={"slug": "keighley"}),
        {"period": "2024 to 2025", "text": "Breakfast club opened"},
    )
    content = client.get(reverse("history", kwargs={"slug": "keighley"})).content.decode()
    # Names such as O'Sullivan are escaped in the page, as they should be.
    assert (
        "Breakfast club opened" in content
        and escape(world.people["coordinator"].full_name) in content
    )


def query_count(client, url, django_assert_max_num_queries, limit):
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("members", [2, 20])
def test_partnership_home_queries_do_not_grow_with_members(
    client, django_assert_max_num_queries, members
):
    partnership = PartnershipFactory()
    coordinator = MembershipFactory(partnership=partnership, role=Role.COORDINATOR).person
    MembershipFactory.create_batch(members, partnership=partnership)
    TimelineEventFactory.create_batch(members, partnership=partnership)
    client.force_login(coordinator)
    query_count(client, partnership.get_absolute_url(), django_assert_max_num_queries, 20)


@pytest.mark.parametrize("count", [1, 10])
def test_dashboard_queries_do_not_grow_with_partnerships(
    client, django_assert_max_num_queries, count
):
    person = MembershipFactory().person
    for _ in range(count):
        MembershipFactory(person=person)
    client.force_login(person)
    query_count(client, reverse("dashboard"), django_assert_max_num_queries, 12)


@pytest.mark.parametrize("members", [1, 15])
def test_members_page_queries_do_not_grow(client, django_assert_max_num_queries, members):
    partnership = PartnershipFactory()
    coordinator = MembershipFactory(partnership=partnership, role=Role.COORDINATOR).person
    MembershipFactory.create_batch(members, partnership=partnership)
    client.force_login(coordinator)
    query_count(
        client,
        reverse("members", kwargs={"slug": partnership.slug}),
        django_assert_max_num_queries,
        12,
    )


def test_every_admin_list_opens_for_site_staff(client, world):
    from django.contrib import admin

    client.force_login(world.people["staff"])
    statuses = {
        model.__name__: client.get(
            reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        ).status_code
        for model in admin.site._registry
    }
    assert set(statuses.values()) == {200}


def test_overview_shows_overdue_actions_from_the_action_plan(client, world):
    import datetime

    from actlocally.actions.models import Action

    Action.objects.create(
        partnership=world.keighley,
        title="Late thing",
        owner=world.people["member"],
        due_on=datetime.date(2020, 1, 1),
        status="on_track",
    )
    client.force_login(world.people["coordinator"])
    assert "1 overdue" in client.get(world.keighley.get_absolute_url()).content.decode()


def test_overview_panels_come_from_the_registry(client, world):
    from actlocally.partnerships.navigation import panels_for

    templates = [name for name, _ctx in panels_for(world.keighley, world.people["coordinator"])]
    assert templates == [
        "statements/_overview_panel.html",
        "actions/_overview_panel.html",
        "meetings/_overview_panel.html",
    ]
