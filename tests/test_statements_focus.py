"""The Statement of Intent follows the partnership's current focus issue: a new focus issue gets
its own statement, earlier ones stay readable as history, the other agreed priorities are shown
beside it, and what an agreed statement commits to is carried into the action plan."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from actlocally.actions.models import Action
from actlocally.partnerships.services import set_focus_issue
from actlocally.statements import services

from .factories import AgreedPriorityFactory, CandidateFactory, SymposiumFactory
from .pageforms import page_form, submit

AGREED = datetime.date(2024, 1, 15)
NEW_START = datetime.date(2024, 9, 1)


def _agree(version):
    services.transition(version=version, name="circulate", by=None)
    return services.transition(
        version=version, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None
    )


@pytest.fixture
def old_agreed(world):
    return _agree(services.start_statement(focus_issue=world.focus, by=None))


@pytest.fixture
def new_focus(world, old_agreed):
    return set_focus_issue(
        partnership=world.keighley,
        title="Getting ready for school",
        summary="Half of children start school behind.\nSpeech and language delays are common.",
        started_on=NEW_START,
        by=None,
    )


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.people["coordinator"])


def test_after_a_new_focus_issue_the_page_offers_to_start_its_statement(
    client, world, new_focus, coordinator
):
    page = client.get(reverse("statement", kwargs={"slug": "keighley"})).content.decode()

    assert "Start the Statement of Intent for Getting ready for school" in page


def test_the_start_link_starts_the_new_focus_issues_statement(
    client, world, new_focus, coordinator
):
    page = client.get(reverse("statement_start", kwargs={"slug": "keighley"}))

    response = submit(client, page, page_form(page, index=-1), follow=True)

    new_focus.refresh_from_db()
    assert new_focus.statement.versions.get().number == 1
    assert "Getting ready for school" in response.content.decode()


def test_the_earlier_statement_is_still_reachable_as_history(
    client, world, new_focus, old_agreed, coordinator
):
    page = client.get(reverse("statement", kwargs={"slug": "keighley"})).content.decode()
    old_agreed.statement.focus_issue.refresh_from_db()
    earlier_url = old_agreed.statement.get_absolute_url()

    assert earlier_url in page
    history = client.get(earlier_url).content.decode()
    assert world.focus.title in history and "earlier focus issue" in history
    assert client.get(old_agreed.pdf_url).status_code == 200


def test_an_earlier_statement_cannot_be_moved_on_from_its_page(
    client, world, new_focus, old_agreed, coordinator
):
    old_agreed.statement.focus_issue.refresh_from_db()
    history = client.get(old_agreed.statement.get_absolute_url()).content.decode()

    assert "focus-issues" in old_agreed.statement.get_absolute_url()
    assert "Start a new draft" not in history


@pytest.fixture
def symposium_priorities(world, new_focus):
    symposium = SymposiumFactory(partnership=world.keighley, title="Keighley symposium")
    for urgency, title in enumerate(
        ["Getting ready for school", "Safer streets", "Youth clubs"], start=1
    ):
        AgreedPriorityFactory(
            symposium=symposium,
            candidate=CandidateFactory(symposium=symposium, title=title),
            urgency=urgency,
            focus_issue=new_focus if urgency == 1 else None,
        )
    return symposium


@pytest.mark.parametrize("url_name", ["statement", "focus_issue"])
def test_priorities_two_and_three_are_shown_with_the_focus_issue(
    client, world, symposium_priorities, coordinator, url_name
):
    page = client.get(reverse(url_name, kwargs={"slug": "keighley"})).content.decode()

    assert "Priority 2: Safer streets" in page and "Priority 3: Youth clubs" in page


def test_the_focus_issue_page_offers_to_start_the_statement(client, world, new_focus, coordinator):
    page = client.get(reverse("focus_issue", kwargs={"slug": "keighley"})).content.decode()

    assert reverse("statement_start", kwargs={"slug": "keighley"}) in page


def test_public_area_leads_with_the_current_focus_issues_words(client, world, new_focus):
    world.keighley.summary = "Working to respond to food insecurity."
    world.keighley.save()

    page = client.get(reverse("area", kwargs={"slug": "keighley"})).content.decode()

    assert "Half of children start school behind." in page
    assert "food insecurity" not in page


def _agreed_with_plan(world, new_focus):
    version = services.start_statement(focus_issue=new_focus, by=None)
    content = dict(version.content)
    content["actions"] = [
        {
            "text": "Speech screening at two",
            "lead": world.organisation.name,
            "lead_id": world.organisation.pk,
        },
    ]
    content["outcomes"] = [{"text": "More children ready for school"}]
    services.save_content(version=version, content=content, by=None)
    return _agree(version)


def test_agreeing_carries_actions_into_the_plan_and_outcomes_into_the_focus_issue(world, new_focus):
    _agreed_with_plan(world, new_focus)

    action = Action.objects.get(focus_issue=new_focus)
    assert (action.title, action.owner_organisation) == (
        "Speech screening at two",
        world.organisation,
    )
    assert "More children ready for school" in [o.text for o in new_focus.outcomes.all()]


def test_carrying_again_adds_nothing_twice(world, new_focus):
    version = _agreed_with_plan(world, new_focus)

    assert services.carry_into_plan(version=version, by=None) == (0, 0)
    assert Action.objects.filter(focus_issue=new_focus).count() == 1
    assert new_focus.outcomes.filter(text="More children ready for school").count() == 1


def test_carried_actions_are_audited(world, new_focus):
    _agreed_with_plan(world, new_focus)
    action = Action.objects.get(focus_issue=new_focus)

    assert LogEntry.objects.get_for_object(action).filter(action=LogEntry.Action.CREATE).exists()
