"""Statement of Intent versions: a first draft from the focus issue, agreeing freezes a version (in
the services and in the database), a new draft copies the agreed one, and compare shows changes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.statements import diff, document, services
from actlocally.statements.models import Statement, StatementVersion

from .factories import IntendedOutcomeFactory, StatementVersionFactory

AGREED_ON = datetime.date(2024, 1, 15)


def agree(version, by=None):
    services.transition(version=version, name="circulate", by=by)
    return services.transition(
        version=version, name="agree", agreed_on=AGREED_ON, agreed_by_whom="The partnership", by=by
    )


@pytest.fixture
def draft(world):
    return services.start_statement(focus_issue=world.focus, by=world.people["coordinator"])


def test_start_statement_copies_the_intended_outcomes(world, draft):
    assert draft.content["outcomes"] == [{"text": "Children are food secure."}]


def test_start_statement_refused_when_the_focus_issue_has_one(world, draft):
    with pytest.raises(ValidationError):
        services.start_statement(focus_issue=world.focus, by=world.people["coordinator"])


def test_draft_can_be_edited(world, draft):
    services.save_section(
        version=draft,
        section="introduction",
        rows="Food is scarce.",
        by=world.people["coordinator"],
    )
    draft.refresh_from_db()
    assert draft.content["introduction"] == "Food is scarce."


def test_agreed_version_cannot_be_edited(world, draft):
    agree(draft)
    with pytest.raises(ValidationError, match="cannot be edited"):
        services.save_section(
            version=draft, section="introduction", rows="Changed.", by=world.people["coordinator"]
        )


def test_circulated_version_cannot_be_edited(world, draft):
    services.transition(version=draft, name="circulate", by=world.people["coordinator"])
    with pytest.raises(ValidationError, match="circulated"):
        services.save_section(
            version=draft, section="introduction", rows="Changed.", by=world.people["coordinator"]
        )


def test_database_refuses_a_change_to_an_agreed_version(world, draft):
    agree(draft)
    draft.refresh_from_db()
    draft.content = {**draft.content, "introduction": "Quietly changed."}
    with pytest.raises(IntegrityError), transaction.atomic():
        draft.save()


def test_database_lets_a_person_link_on_an_agreed_version_be_cleared(world, draft):
    agree(draft)
    StatementVersion.objects.filter(pk=draft.pk).update(created_by=None)
    draft.refresh_from_db()
    assert draft.created_by is None


def test_new_draft_copies_the_latest_agreed_version(world, draft):
    services.save_section(
        version=draft, section="introduction", rows="Agreed words.", by=world.people["coordinator"]
    )
    agreed = agree(draft)
    new = services.start_new_draft(statement=draft.statement, by=world.people["coordinator"])
    assert (new.number, new.based_on, new.content["introduction"]) == (2, agreed, "Agreed words.")


def test_new_draft_refused_while_a_draft_is_open(world, draft):
    with pytest.raises(ValidationError, match="already a draft"):
        services.start_new_draft(statement=draft.statement, by=world.people["coordinator"])


def test_agreeing_ticks_develop_statement_of_intent(world, draft):
    agree(draft)
    progress = StepProgress.objects.get(
        partnership=world.keighley, step__key="develop-statement-of-intent"
    )
    assert (progress.status, progress.evidence_url) == ("done", draft.get_absolute_url())


def test_agreeing_needs_circulating_first(world, draft):
    with pytest.raises(ValidationError):
        services.transition(
            version=draft, name="agree", agreed_on=AGREED_ON, agreed_by_whom="Us", by=None
        )


def test_agreeing_needs_who_agreed(world, draft):
    services.transition(version=draft, name="circulate", by=None)
    with pytest.raises(ValidationError, match="who agreed"):
        services.transition(version=draft, name="agree", agreed_on=AGREED_ON, by=None)


def test_one_open_version_per_statement_constraint(world, draft):
    with pytest.raises(IntegrityError):
        StatementVersionFactory(statement=draft.statement, number=2)


def test_version_number_unique_constraint(world, draft):
    agree(draft)
    with pytest.raises(IntegrityError):
        StatementVersionFactory(statement=draft.statement, number=1)


def test_agreed_version_needs_a_date_constraint(world, draft):
    with pytest.raises(IntegrityError):
        StatementVersionFactory(statement=draft.statement, number=2, status="agreed")


def test_version_number_positive_constraint(world):
    with pytest.raises(IntegrityError):
        StatementVersionFactory(number=0)


def test_statement_one_per_focus_issue_constraint(world, draft):
    with pytest.raises(IntegrityError):
        Statement.objects.create(partnership=world.keighley, focus_issue=world.focus)


def test_content_with_a_chart_number_that_is_not_a_number_is_refused():
    content = document.empty_content()
    content["charts"] = [{"title": "Hunger", "points": [{"label": "Keighley", "value": "lots"}]}]
    with pytest.raises(ValidationError, match="not a number"):
        document.clean_content(content)


def test_content_missing_required_text_names_section_and_row():
    content = document.empty_content()
    content["actions"] = [{"text": "One"}, {"text": ""}]
    with pytest.raises(ValidationError, match="Agreed actions, action 2"):
        document.clean_content(content)


def test_compare_shows_a_changed_sentence_word_by_word():
    old = document.empty_content() | {"outcomes": [{"text": "Children are food secure."}]}
    new = document.empty_content() | {"outcomes": [{"text": "Children are always food secure."}]}
    outcomes = next(s for s in diff.compare(old, new) if s.key == "outcomes")
    assert outcomes.rows[0].pieces == [
        ("same", "Children are "),
        ("ins", "always "),
        ("same", "food secure."),
    ]


def test_compare_marks_added_and_removed_rows():
    old = document.empty_content() | {"outcomes": [{"text": "A."}, {"text": "B."}]}
    new = document.empty_content() | {"outcomes": [{"text": "B."}, {"text": "C."}]}
    outcomes = next(s for s in diff.compare(old, new) if s.key == "outcomes")
    assert [r.kind for r in outcomes.rows] == ["removed", "same", "added"]


def test_compare_page_shows_the_change_with_words_not_colour_alone(client, world, draft):
    IntendedOutcomeFactory(focus_issue=world.focus, text="Unused")
    agree(draft)
    new = services.start_new_draft(statement=draft.statement, by=None)
    services.save_section(
        version=new, section="outcomes", rows=[{"text": "Children are never hungry."}], by=None
    )
    client.force_login(world.people["member"])
    response = client.get(
        reverse("statement_compare", kwargs={"slug": "keighley"}) + "?from=1&to=2"
    )
    html = response.content.decode()
    assert '<ins><span class="govuk-visually-hidden">[added:] </span>never hungry.' in html


def test_document_page_offers_change_links_only_on_a_draft(client, world, draft):
    client.force_login(world.people["coordinator"])
    url = reverse("statement", kwargs={"slug": "keighley"})
    before = "Change facts" in client.get(url).content.decode()
    agree(draft)
    after = "Change facts" in client.get(url).content.decode()
    assert (before, after) == (True, False)
