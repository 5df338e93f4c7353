"""The partnership's search page: one box finds people, actions, meetings and their minutes,
Statements of Intent, the theory of change, assets and organisations; only what the person may
see; in a fixed number of queries; the query is text everywhere."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from hypothesis import given, settings
from hypothesis import strategies as st

from actlocally.search import registry
from tests import factories

pytestmark = pytest.mark.django_db

URL = reverse("partnership_search", kwargs={"slug": "keighley"})


def _search(client, world, q, role="coordinator"):
    client.force_login(world.people[role])
    return client.get(URL, {"q": q})


def _found(response, key):
    return [r.title for g in response.context["groups"] if g["key"] == key for r in g["results"]]


def test_an_empty_search_explains_what_can_be_found(client, world):
    response = _search(client, world, "  ")
    assert (response.context["groups"], "Type a word or two" in response.content.decode()) == (
        [],
        True,
    )


def test_every_partnership_page_has_the_search_box(client, world):
    client.force_login(world.people["member"])
    page = client.get(reverse("partnership", kwargs={"slug": "keighley"})).content.decode()
    assert f'action="{URL}"' in page


def test_an_action_is_found_by_a_word_of_its_title(client, world):
    factories.ActionFactory(partnership=world.keighley, title="Supervised toothbrushing clubs")
    response = _search(client, world, "TOOTHBRUSHING")
    assert _found(response, "actions") == ["Supervised toothbrushing clubs"]


def test_each_result_links_to_its_page(client, world):
    action = factories.ActionFactory(partnership=world.keighley, title="Holiday food club")
    page = _search(client, world, "holiday").content.decode()
    assert f'href="{action.get_absolute_url()}"' in page


def test_every_word_must_match(client, world):
    factories.ActionFactory(partnership=world.keighley, title="Holiday food club")
    assert _found(_search(client, world, "holiday swimming"), "actions") == []


def test_a_member_is_found_by_name(client, world):
    name = world.people["young_person"].full_name
    assert name in _found(_search(client, world, name.split()[-1]), "members")


def test_a_meeting_is_found_by_a_word_of_its_minutes(client, world):
    meeting = factories.MeetingFactory(partnership=world.keighley, title="Summer meeting")
    factories.AgendaItemFactory(meeting=meeting, minutes="Agreed to pilot a breakfast club.")
    assert _found(_search(client, world, "breakfast"), "meetings") == ["Summer meeting"]


def test_a_statement_of_intent_is_found_by_a_word_of_its_text(client, world):
    statement = factories.StatementFactory(focus_issue=world.focus)
    factories.StatementVersionFactory(statement=statement)
    assert len(_found(_search(client, world, "hunger"), "statements")) == 1


def test_a_theory_of_change_box_is_found(client, world):
    theory = factories.TheoryOfChangeFactory(focus_issue=world.focus)
    factories.ElementFactory(theory=theory, text="Parents cook together weekly")
    assert _found(_search(client, world, "cook"), "theory") == ["Parents cook together weekly"]


def test_an_asset_and_a_partner_organisation_are_found(client, world):
    factories.AssetFactory(partnership=world.keighley, name="Riverside youth club")
    org = factories.OrganisationFactory(name="Riverside Primary School")
    world.keighley.partner_organisations.add(org)
    response = _search(client, world, "riverside")
    assert (_found(response, "assets"), _found(response, "organisations")) == (
        ["Riverside youth club"],
        ["Riverside Primary School"],
    )


def test_another_partnerships_things_are_not_found(client, world):
    factories.ActionFactory(partnership=world.holme_wood, title="Holme Wood toothbrushing")
    assert _found(_search(client, world, "toothbrushing"), "actions") == []


def test_a_kind_is_searched_only_for_those_with_its_permission(client, world, monkeypatch):
    monkeypatch.setitem(
        registry._SEARCHABLES,
        "secret",
        registry.Searchable(
            key="secret",
            label="Secret",
            order=99,
            permission="partnerships.view_history",
            find=lambda p, words, limit: [registry.Result(title="Hidden", url="/")],
        ),
    )
    member = [g["key"] for g in _search(client, world, "x", role="member").context["groups"]]
    coordinator = [g["key"] for g in _search(client, world, "x").context["groups"]]
    assert ("secret" in member, "secret" in coordinator) == (False, True)


def test_someone_outside_the_partnership_cannot_search_it(client, world):
    client.force_login(world.outsider)
    assert client.get(URL, {"q": "a"}).status_code == 404


def test_the_query_is_shown_as_text(client, world):
    page = _search(client, world, "<script>alert(1)</script>").content.decode()
    assert ("<script>alert(1)" in page, escape("<script>alert(1)</script>") in page) == (
        False,
        True,
    )


def test_many_results_say_there_are_more(client, world):
    factories.ActionFactory.create_batch(
        registry.LIMIT + 1, partnership=world.keighley, title="Club"
    )
    response = _search(client, world, "club")
    group = next(g for g in response.context["groups"] if g["key"] == "actions")
    assert (len(group["results"]), group["more"]) == (registry.LIMIT, True)


def _fill(world, n):
    for i in range(n):
        factories.ActionFactory(partnership=world.keighley, title=f"Club {i}")
        meeting = factories.MeetingFactory(partnership=world.keighley, title=f"Club meeting {i}")
        factories.AgendaItemFactory(meeting=meeting, minutes="club")
        factories.AssetFactory(partnership=world.keighley, name=f"Club {i}")
        world.keighley.partner_organisations.add(factories.OrganisationFactory(name=f"Club {i}"))


def test_the_number_of_queries_does_not_grow_with_the_results(client, world):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _fill(world, 1)
    client.force_login(world.people["coordinator"])
    with CaptureQueriesContext(connection) as few:
        client.get(URL, {"q": "club"})
    _fill(world, 6)
    with CaptureQueriesContext(connection) as many:
        client.get(URL, {"q": "club"})
    assert len(many.captured_queries) == len(few.captured_queries)


@pytest.mark.fuzz
def test_no_query_makes_the_search_fail(client, world):
    factories.ActionFactory(partnership=world.keighley, title="Holiday food club")
    client.force_login(world.people["coordinator"])

    @settings(max_examples=40, deadline=None)
    @given(q=st.text(st.characters(blacklist_categories=("Cs",)), max_size=300))
    def check(q):
        response = client.get(URL, {"q": q})
        # A NUL is refused (400) before any view, like every other query parameter.
        assert response.status_code in {200, 400}
        if response.status_code == 200 and q.strip() and "\x00" not in q:
            assert (
                "<" not in response.context["search_query"]
                or escape(response.context["search_query"]) in response.content.decode()
            )

    check()
