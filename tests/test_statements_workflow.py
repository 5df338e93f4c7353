"""Who may move a Statement of Intent along its workflow, and the editor pages that write drafts."""

import datetime

import pytest
import rules
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from actlocally.statements import services, workflow
from actlocally.statements.models import StatementVersion


@pytest.fixture
def draft(world):
    return services.start_statement(focus_issue=world.focus, by=world.people["coordinator"])


def circulated(draft):
    return services.transition(version=draft, name="circulate", by=None)


def test_every_transition_names_a_registered_permission():
    assert all(rules.perm_exists(t.permission) for t in workflow.TRANSITIONS.values())


@pytest.mark.parametrize("role", ["coordinator", "backbone", "staff"])
def test_coordinator_backbone_and_staff_may_agree(world, draft, role):
    version = services.transition(
        version=circulated(draft),
        name="agree",
        agreed_on=datetime.date(2024, 1, 15),
        agreed_by_whom="The partnership",
        by=world.people[role],
    )
    assert version.status == StatementVersion.Status.AGREED


@pytest.mark.parametrize("role", ["research_partner", "member", "commissioner", "board"])
def test_others_may_not_agree(world, draft, role):
    with pytest.raises(PermissionDenied):
        services.transition(
            version=circulated(draft),
            name="agree",
            agreed_on=datetime.date(2024, 1, 15),
            agreed_by_whom="The partnership",
            by=world.people[role],
        )


def test_research_partner_may_edit_a_draft(world, draft):
    version = services.save_section(
        version=draft, section="introduction", rows="Data.", by=world.people["research_partner"]
    )
    assert version.content["introduction"] == "Data."


def test_research_partner_may_not_circulate(world, draft):
    with pytest.raises(PermissionDenied):
        services.transition(version=draft, name="circulate", by=world.people["research_partner"])


def test_member_may_not_edit_a_draft(world, draft):
    with pytest.raises(PermissionDenied):
        services.save_section(
            version=draft, section="introduction", rows="Mine.", by=world.people["member"]
        )


def test_agree_page_records_who_agreed_and_when(client, world, draft):
    circulated(draft)
    client.force_login(world.people["coordinator"])
    client.post(
        reverse("statement_transition", kwargs={"slug": "keighley", "number": 1, "name": "agree"}),
        {
            "agreed_on": "2024-01-15",
            "agreed_on_precision": "day",
            "agreed_by_whom": "Convening partnership meeting",
        },
    )
    draft.refresh_from_db()
    assert (draft.status, draft.agreed_on, draft.recorded_by) == (
        "agreed",
        datetime.date(2024, 1, 15),
        world.people["coordinator"],
    )


def test_agree_page_without_a_date_shows_an_error(client, world, draft):
    circulated(draft)
    client.force_login(world.people["coordinator"])
    response = client.post(
        reverse("statement_transition", kwargs={"slug": "keighley", "number": 1, "name": "agree"}),
        {"agreed_on_precision": "day", "agreed_by_whom": "Us"},
    )
    assert "govuk-error-summary" in response.content.decode()


def test_edit_section_saves_rows_and_leaves_out_the_empty_new_row(client, world, draft):
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_edit_section", kwargs={"slug": "keighley", "number": 1, "section": "facts"}
    )
    client.post(
        url,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "0",
            "form-0-value": "8.2%",
            "form-0-text": "of adults experienced hunger.",
            "form-0-source": "EALC Background and Context",
            "form-0-year": "2021",
            "form-1-value": "",
            "form-1-text": "",
        },
    )
    draft.refresh_from_db()
    assert draft.content["facts"] == [
        {
            "value": "8.2%",
            "text": "of adults experienced hunger.",
            "source": "EALC Background and Context",
            "year": 2021,
        }
    ]


def test_edit_section_add_row_keeps_what_was_typed_without_saving(client, world, draft):
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_edit_section", kwargs={"slug": "keighley", "number": 1, "section": "outcomes"}
    )
    response = client.post(
        url,
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "1",
            "form-0-text": "Children are food secure.",
            "form-1-text": "Typed but not saved",
            "add_row": "1",
        },
    )
    draft.refresh_from_db()
    html = response.content.decode()
    shown = ("Typed but not saved" in html, 'name="form-TOTAL_FORMS" value="3"' in html)
    assert (*shown, len(draft.content["outcomes"])) == (True, True, 1)


def test_edit_section_chart_numbers_are_parsed(client, world, draft):
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_edit_section", kwargs={"slug": "keighley", "number": 1, "section": "charts"}
    )
    client.post(
        url,
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "0",
            "form-0-title": "Hunger",
            "form-0-unit": "%",
            "form-0-points": "Keighley, 8.2\nEngland, 4",
        },
    )
    draft.refresh_from_db()
    assert draft.content["charts"][0]["points"] == [
        {"label": "Keighley", "value": 8.2},
        {"label": "England", "value": 4.0},
    ]


def test_edit_section_of_an_agreed_version_redirects_with_a_message(client, world, draft):
    services.transition(
        version=circulated(draft),
        name="agree",
        agreed_on=datetime.date(2024, 1, 15),
        agreed_by_whom="Us",
        by=None,
    )
    client.force_login(world.people["coordinator"])
    url = reverse(
        "statement_edit_section", kwargs={"slug": "keighley", "number": 1, "section": "facts"}
    )
    assert client.get(url).status_code == 302
