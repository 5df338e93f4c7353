"""Every Statement of Intent form, filled in from what the rendered page offers (tests/pageforms.py):
a form that renders no checkbox, radio or option to choose fails here, not in front of a person."""

import datetime

import pytest
from django.urls import reverse

from actlocally.statements import services
from actlocally.statements.models import Recommendation, StatementVersion

from .factories import OrganisationFactory
from .pageforms import page_form, submit

AGREED = datetime.date(2024, 1, 15)


@pytest.fixture
def ccg(db):
    return OrganisationFactory(name="NHS West Yorkshire Integrated Care Board", sector="health")


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.people["coordinator"])
    return world.people["coordinator"]


def _agreed_with_recommendations(world, ccg, n=2):
    version = services.start_statement(focus_issue=world.focus, by=None)
    content = dict(version.content)
    content["recommendations"] = [
        {"key": f"R{i}", "text": f"Fund thing {i}.", "to": ccg.name, "to_id": ccg.pk}
        for i in range(1, n + 1)
    ]
    services.save_content(version=version, content=content, by=None)
    services.transition(version=version, name="circulate", by=None)
    return services.transition(
        version=version, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None
    )


def test_record_as_sent_offers_each_unsent_recommendation_and_records_the_ticked_one(
    client, world, ccg, coordinator
):
    _agreed_with_recommendations(world, ccg)
    url = reverse("recommendations_send", kwargs={"slug": "keighley"})
    page = client.get(url)
    form = page_form(page, with_field="recommendations")
    form.choose("recommendations", "R1: Fund thing 1.").set("sent_on", "2024-02-01")

    response = submit(client, page, form)

    assert response.status_code == 302
    statuses = dict(Recommendation.objects.values_list("key", "status"))
    assert statuses == {"R1": "sent", "R2": "not_sent"}


def test_record_as_sent_says_how_many_in_words_that_agree_with_the_count(
    client, world, ccg, coordinator
):
    _agreed_with_recommendations(world, ccg)
    page = client.get(reverse("recommendations_send", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="recommendations").choose("recommendations", "R2")

    response = submit(client, page, form, follow=True)

    assert "1 recommendation is recorded as sent." in response.content.decode()


def test_record_as_sent_without_a_tick_asks_for_one(client, world, ccg, coordinator):
    _agreed_with_recommendations(world, ccg)
    page = client.get(reverse("recommendations_send", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="recommendations")

    response = submit(client, page, form)

    assert response.status_code == 200
    assert "Select the recommendations that were sent" in response.content.decode()


@pytest.fixture
def sent(world, ccg):
    version = _agreed_with_recommendations(world, ccg, n=1)
    rec = version.statement.recommendations.get()
    services.mark_recommendations_sent(recommendations=[rec], sent_on=AGREED, by=None)
    return rec


def test_response_form_offers_the_three_answers_and_records_one(client, world, sent):
    client.force_login(world.people["commissioner"])
    page = client.get(reverse("recommendation_respond", kwargs={"slug": "keighley", "pk": sent.pk}))
    form = page_form(page, with_field="status")
    form.choose("status", "Accepted").set("response", "We will fund it.")
    form.set("responded_on", "2024-02-01")

    response = submit(client, page, form)

    assert response.status_code == 302
    sent.refresh_from_db()
    assert (sent.status, sent.response) == ("accepted", "We will fund it.")


def test_response_form_without_an_answer_says_what_to_select(client, world, sent):
    client.force_login(world.people["commissioner"])
    page = client.get(reverse("recommendation_respond", kwargs={"slug": "keighley", "pk": sent.pk}))
    form = page_form(page, with_field="status").set("response", "Hmm.")

    response = submit(client, page, form)

    assert "Select what the commissioner said" in response.content.decode()


@pytest.fixture
def draft(world):
    return services.start_statement(focus_issue=world.focus, by=None)


def _edit(client, draft, section):
    return client.get(
        reverse(
            "statement_edit_section",
            kwargs={"slug": "keighley", "number": draft.number, "section": section},
        )
    )


def test_actions_editor_offers_lead_organisations_to_choose(client, world, draft, coordinator):
    page = _edit(client, draft, "actions")
    form = page_form(page, with_field="form-0-text")
    form.set("form-0-text", "Breakfast club in every school").choose(
        "form-0-lead_id", world.organisation.name
    )

    submit(client, page, form)

    draft.refresh_from_db()
    assert draft.content["actions"] == [
        {
            "text": "Breakfast club in every school",
            "lead": world.organisation.name,
            "lead_id": world.organisation.pk,
        }
    ]


def test_recommendations_editor_offers_commissioners_and_numbers_the_rows(
    client, world, draft, ccg, coordinator
):
    page = _edit(client, draft, "recommendations")
    form = page_form(page, with_field="form-0-text")
    form.set("form-0-text", "Fund tooth brushing.").choose("form-0-to_id", ccg.name)

    submit(client, page, form)

    draft.refresh_from_db()
    assert [(r["key"], r["to_id"]) for r in draft.content["recommendations"]] == [("R1", ccg.pk)]


def test_recommendations_editor_without_a_commissioner_says_what_to_select(
    client, world, draft, coordinator
):
    page = _edit(client, draft, "recommendations")
    form = page_form(page, with_field="form-0-text").set("form-0-text", "Fund it.")

    response = submit(client, page, form)

    assert "Select the commissioner it is for" in response.content.decode()


def test_chart_editor_illustrative_box_can_be_ticked(client, world, draft, coordinator):
    page = _edit(client, draft, "charts")
    form = page_form(page, with_field="form-0-title")
    form.set("form-0-title", "Children").set("form-0-points", "Keighley, 17208")
    form.tick("form-0-illustrative", "on")

    submit(client, page, form)

    draft.refresh_from_db()
    assert draft.content["charts"][0]["illustrative"] is True


@pytest.mark.parametrize("section", ["introduction", "facts", "quotes", "outcomes"])
def test_other_editors_render_a_form_that_saves(client, world, draft, coordinator, section):
    page = _edit(client, draft, section)
    form = page_form(page, index=-1)
    field = "introduction" if section == "introduction" else "form-0-text"
    form.set(field, "Typed on the page")
    if section == "quotes":
        form.set("form-0-source", "parent, Keighley")

    response = submit(client, page, form)

    assert response.status_code == 302
    draft.refresh_from_db()
    assert "Typed on the page" in str(draft.content[section])


def test_agree_form_offers_the_date_precision_and_agrees(client, world, draft, coordinator):
    services.transition(version=draft, name="circulate", by=None)
    page = client.get(
        reverse(
            "statement_transition",
            kwargs={"slug": "keighley", "number": draft.number, "name": "agree"},
        )
    )
    form = page_form(page, with_field="agreed_on")
    form.set("agreed_on", "2024-01-15").choose("agreed_on_precision", "Month and year")
    form.set("agreed_by_whom", "The convening partnership")

    submit(client, page, form)

    draft.refresh_from_db()
    assert (draft.status, draft.agreed_on_precision) == (StatementVersion.Status.AGREED, "month")


def test_start_page_starts_the_statement(client, world, coordinator):
    page = client.get(reverse("statement_start", kwargs={"slug": "keighley"}))

    response = submit(client, page, page_form(page, index=-1))

    assert response.status_code == 302
    assert StatementVersion.objects.filter(statement__focus_issue=world.focus).count() == 1


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        (["circulate"], "Version 1 has been circulated for comment."),
        (["circulate", "return_to_draft"], "Version 1 is a draft again"),
        (["circulate", "agree"], "Version 1 is recorded as agreed."),
    ],
)
def test_each_workflow_step_says_the_state_it_moved_to(
    client, world, draft, coordinator, steps, message
):
    for name in steps:
        page = client.get(
            reverse(
                "statement_transition",
                kwargs={"slug": "keighley", "number": draft.number, "name": name},
            )
        )
        form = page_form(page, index=-1)
        if name == "agree":
            form.set("agreed_on", "2024-01-15").set("agreed_by_whom", "The partnership")
        response = submit(client, page, form, follow=True)

    page = response.content.decode()
    assert message in page
    assert "is now" not in page


def test_new_draft_page_starts_the_next_version(client, world, draft, coordinator):
    services.transition(version=draft, name="circulate", by=None)
    services.transition(version=draft, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None)
    page = client.get(reverse("statement_new_draft", kwargs={"slug": "keighley"}))

    response = submit(client, page, page_form(page, index=-1))

    assert response.status_code == 302
    assert sorted(draft.statement.versions.values_list("number", flat=True)) == [1, 2]
