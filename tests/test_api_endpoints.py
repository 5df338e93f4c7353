"""The API's read endpoints: what they return, their filters, that they show each person what
the permission table lets them see, and that each list takes a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from actlocally.authorization import has_permission
from actlocally.partnerships.models import Partnership

from . import factories
from .url_tables import ACCESS, ROLES, URLS


def url(name, **kwargs):
    return reverse(f"api:{name}", kwargs={"slug": "keighley", **kwargs})


@pytest.fixture
def coordinator_client(client, world):
    client.force_login(world.people["coordinator"])
    return client


def person_for(world, role):
    return world.outsider if role == "outsider" else world.people.get(role)


# Same rights as the pages -----------------------------------------------------------------------


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_partnership_list_is_what_the_permission_table_lets_each_role_see(client, world, role):
    person = person_for(world, role)
    client.force_login(person)
    listed = {p["slug"] for p in client.get(reverse("api:partnerships")).json()["results"]}
    allowed = {
        p.slug
        for p in Partnership.objects.all()
        if has_permission(person, "partnerships.view_partnership", p)
    }
    assert listed == allowed


@pytest.mark.parametrize("role", [r for r in ROLES if r != "anonymous"])
def test_a_token_answers_every_api_address_as_the_session_does(client, world, role):
    from actlocally.api import services

    person = person_for(world, role)
    _token, secret = services.create_token(
        person=person, name="Parity", scope="read", days=1, by=person
    )
    for name, (kwargs, rule) in sorted(URLS.items()):
        if name.startswith("api:"):
            response = client.get(
                reverse(name, kwargs=kwargs(world)), HTTP_AUTHORIZATION=f"Bearer {secret}"
            )
            assert (name, response.status_code) == (name, ACCESS[rule](role))


@pytest.mark.parametrize("name", ["focus_issues", "actions", "meetings", "statements"])
def test_a_member_of_another_partnership_gets_404(client, world, name):
    client.force_login(world.people["member"])
    response = client.get(reverse(f"api:{name}", kwargs={"slug": "holme-wood"}))
    assert response.status_code == 404
    assert response.json()["detail"]


def test_an_action_of_another_partnership_is_404_under_this_one(coordinator_client, world):
    other = factories.ActionFactory(partnership=world.holme_wood)
    assert coordinator_client.get(url("action", pk=other.pk)).status_code == 404


# What they return ---------------------------------------------------------------------------------


def test_partnership_detail(coordinator_client, world):
    world.keighley.partner_organisations.add(world.organisation)
    data = coordinator_client.get(url("partnership")).json()
    assert data["name"] == "Act Locally: Keighley"
    assert data["local_authority"] == {"code": "E08000032", "name": "Bradford"}
    assert data["partners"] == [{"id": world.organisation.pk, "name": world.organisation.name}]
    assert data["page_url"] == "http://testserver/partnerships/keighley/"


def test_focus_issues_with_their_outcomes(coordinator_client, world):
    (issue,) = coordinator_client.get(url("focus_issues")).json()["results"]
    assert issue["title"] == world.focus.title
    assert issue["status"] == "active"
    assert [o["text"] for o in issue["intended_outcomes"]] == ["Children are food secure."]


def test_actions_show_owner_by_name_and_overdue_as_the_page_does(coordinator_client, world):
    owner = world.people["member"]
    factories.ActionFactory(
        partnership=world.keighley,
        owner=owner,
        status="on_track",
        due_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    (action,) = coordinator_client.get(url("actions")).json()["results"]
    assert action["owner"] == {"id": owner.pk, "name": owner.full_name}
    assert (action["status"], action["display_status"]) == ("on_track", "overdue")
    assert "email" not in str(action["owner"])


def test_action_detail_has_its_progress_notes(coordinator_client, world):
    action = factories.ActionFactory(partnership=world.keighley)
    factories.ProgressNoteFactory(action=action, written_by=world.people["member"])
    data = coordinator_client.get(url("action", pk=action.pk)).json()
    assert [n["text"] for n in data["progress_notes"]] == ["Kits ordered for four schools."]


def test_meetings_with_agenda_and_decisions(coordinator_client, world):
    meeting = factories.MeetingFactory(partnership=world.keighley)
    item = factories.AgendaItemFactory(meeting=meeting, minutes="Agreed to pilot.")
    factories.DecisionFactory(meeting=meeting, agenda_item=item)
    (data,) = coordinator_client.get(url("meetings")).json()["results"]
    assert data["agenda"][0]["minutes"] == "Agreed to pilot."
    assert data["decisions"][0]["agenda_item"] == item.pk
    assert "attendance" not in data


def agreed_version(statement, number, on):
    return factories.StatementVersionFactory(
        statement=statement,
        number=number,
        status="agreed",
        agreed_on=on,
        recorded_at=timezone.now(),
        agreed_by_whom="the convening partnership",
    )


def test_statements_are_the_agreed_versions_with_their_documents(coordinator_client, world):
    statement = factories.StatementFactory(focus_issue=world.focus)
    agreed_version(statement, 1, datetime.date(2023, 11, 24))
    agreed_version(statement, 2, datetime.date(2024, 6, 1))
    factories.StatementVersionFactory(statement=statement, number=3)  # a draft: not in the API
    results = coordinator_client.get(url("statements")).json()["results"]
    assert [(v["version"], v["is_latest"]) for v in results] == [(2, True), (1, False)]
    assert results[0]["document"]["outcomes"] == [{"text": "Children are food secure."}]
    assert results[0]["focus_issue"] == {"id": world.focus.pk, "title": world.focus.title}


# Filters -----------------------------------------------------------------------------------------


@pytest.fixture
def plan(world):
    today = timezone.localdate()
    make = factories.ActionFactory
    return {
        "mine_overdue": make(
            partnership=world.keighley,
            owner=world.people["coordinator"],
            due_on=today - datetime.timedelta(days=3),
        ),
        "theirs_soon": make(
            partnership=world.keighley,
            owner=world.people["member"],
            due_on=today + datetime.timedelta(days=5),
        ),
        "unowned_later": make(
            partnership=world.keighley, owner=None, due_on=today + datetime.timedelta(days=60)
        ),
        "done": make(
            partnership=world.keighley,
            owner=world.people["member"],
            status="done",
            due_on=today - datetime.timedelta(days=10),
        ),
    }


def ids(response):
    assert response.status_code == 200, response.content
    return {a["id"] for a in response.json()["results"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=overdue", {"mine_overdue"}),
        ("status=done", {"done"}),
        ("owner=me", {"mine_overdue"}),
        ("owner=none", {"unowned_later"}),
        ("due_from={today}&due_until={in_30}", {"theirs_soon"}),
        ("due_until={today}", {"mine_overdue", "done"}),
    ],
)
def test_action_filters(coordinator_client, plan, query, expected):
    today = timezone.localdate()
    query = query.format(today=today, in_30=today + datetime.timedelta(days=30))
    assert ids(coordinator_client.get(f"{url('actions')}?{query}")) == {
        plan[key].pk for key in expected
    }


def test_action_filter_by_owner_id(coordinator_client, world, plan):
    response = coordinator_client.get(f"{url('actions')}?owner={world.people['member'].pk}")
    assert ids(response) == {plan["theirs_soon"].pk, plan["done"].pk}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("status=late", "status"),
        ("owner=alice", "owner"),
        ("due_from=31/12/2024", "due_from"),
        ("due_from=2025-02-01&due_until=2025-01-01", "due_until"),
        ("focus_issue=0", "focus_issue"),
    ],
)
def test_bad_action_filters_are_400_naming_the_parameter(coordinator_client, world, query, field):
    response = coordinator_client.get(f"{url('actions')}?{query}")
    assert response.status_code == 400
    assert field in response.json()


def test_lists_are_paginated(coordinator_client, world):
    for _ in range(3):
        factories.ActionFactory(partnership=world.keighley)
    data = coordinator_client.get(f"{url('actions')}?page_size=2").json()
    assert (data["count"], len(data["results"])) == (3, 2)
    assert data["next"].endswith("page=2&page_size=2")


def test_a_page_past_the_end_is_404_not_an_error(coordinator_client, world):
    assert coordinator_client.get(f"{url('actions')}?page=9").status_code == 404


@pytest.mark.fuzz
@given(
    params=st.dictionaries(
        st.sampled_from(
            ["status", "owner", "focus_issue", "due_from", "due_until", "page", "page_size"]
        ),
        st.text(max_size=20),
        max_size=5,
    )
)
def test_no_query_parameters_make_the_action_list_fail(coordinator_client, world, params):
    response = coordinator_client.get(url("actions"), params)
    assert response.status_code in (200, 400, 404)


# Query counts -----------------------------------------------------------------------------------


def queries(client, address) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(address).status_code == 200
    return len(ctx)


def add_rows(world, name, n):
    k = world.keighley
    for _ in range(n):
        if name == "partnerships":
            p = factories.PartnershipFactory(local_authority=world.bradford)
            p.partner_organisations.add(factories.OrganisationFactory())
            p.research_partner = factories.OrganisationFactory()
            p.save()
        elif name == "focus_issues":
            issue = factories.FocusIssueFactory(
                partnership=k, status="past", ended_on=datetime.date(2024, 1, 1)
            )
            factories.IntendedOutcomeFactory(focus_issue=issue)
        elif name == "actions":
            factories.ActionFactory(
                partnership=k,
                owner=factories.MembershipFactory(partnership=k).person,
                owner_organisation=factories.OrganisationFactory(),
                outcome=world.focus.outcomes.first(),
            )
        elif name == "meetings":
            meeting = factories.MeetingFactory(partnership=k)
            item = factories.AgendaItemFactory(meeting=meeting)
            factories.DecisionFactory(meeting=meeting, agenda_item=item)
        elif name == "statements":
            issue = factories.FocusIssueFactory(
                partnership=k, status="past", ended_on=datetime.date(2024, 1, 1)
            )
            statement = factories.StatementFactory(focus_issue=issue)
            agreed_version(statement, 1, datetime.date(2023, 1, 1))
            agreed_version(statement, 2, datetime.date(2023, 6, 1))


@pytest.mark.parametrize(
    "name", ["partnerships", "focus_issues", "actions", "meetings", "statements"]
)
def test_list_queries_do_not_grow_with_rows(client, world, name):
    # Backbone staff: sees every Bradford partnership, so the partnerships list grows too.
    client.force_login(world.people["backbone"])
    address = reverse("api:partnerships") if name == "partnerships" else url(name)
    add_rows(world, name, 2)
    before = queries(client, address)
    add_rows(world, name, 5)
    assert queries(client, address) == before


def test_token_requests_take_a_fixed_number_of_queries(client, world):
    from actlocally.api import services

    _token, secret = services.create_token(
        person=world.people["member"], name="s", scope="read", days=1, by=None
    )
    header = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url("actions"), **header).status_code == 200
        return len(ctx)

    add_rows(world, "actions", 2)
    before = count()
    add_rows(world, "actions", 5)
    assert count() == before
