"""The theory of change: outcomes linked to intended outcomes, actions shown under them, the
journey, and the extension point other apps (indicators, later) plug into."""

import re

import pytest
from django.db import IntegrityError
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.theory import links, services
from actlocally.theory.models import Element, TheoryOfChange

from . import factories


def write(world, **kwargs):
    return services.save_theory(
        focus_issue=world.focus, by=world.people["research_partner"], **kwargs
    )


def test_theory_outcomes_link_to_the_focus_issues_intended_outcomes(world):
    outcome = world.focus.outcomes.get()
    theory = write(world, intended_outcomes=[outcome], other_outcomes=["Parents feel listened to"])
    linked = [e.intended_outcome for e in theory.elements.filter(kind="outcome").order_by("order")]
    assert linked == [outcome, None]


def test_theory_cannot_link_another_focus_issues_outcome(world):
    other = factories.IntendedOutcomeFactory(
        focus_issue=factories.FocusIssueFactory(partnership=world.holme_wood)
    )
    with pytest.raises(Exception, match="intended outcomes"):
        write(world, intended_outcomes=[other])


def test_theory_with_an_outcome_ticks_the_journey_step(world):
    write(world, intended_outcomes=list(world.focus.outcomes.all()))
    progress = StepProgress.objects.get(
        partnership=world.keighley, step__key="develop-theory-of-change"
    )
    assert progress.status == "done"


def test_theory_without_outcomes_does_not_tick_the_journey_step(world):
    write(world, inputs=["Co-ordinator time"])
    assert not StepProgress.objects.filter(
        partnership=world.keighley, step__key="develop-theory-of-change"
    ).exists()


def test_saving_again_replaces_the_boxes(world):
    write(world, activities=["One", "Two"])
    theory = write(world, activities=["Three"])
    assert [e.text for e in theory.elements.filter(kind="activity")] == ["Three"]


def test_only_outcome_boxes_link_to_intended_outcomes(world):
    theory = factories.TheoryOfChangeFactory(focus_issue=world.focus)
    with pytest.raises(IntegrityError):
        Element.objects.create(
            theory=theory, kind="activity", intended_outcome=world.focus.outcomes.get()
        )


def test_a_box_must_say_something(world):
    theory = factories.TheoryOfChangeFactory(focus_issue=world.focus)
    with pytest.raises(IntegrityError):
        Element.objects.create(theory=theory, kind="input", text="")


def test_an_intended_outcome_appears_once_per_theory(world):
    theory = factories.TheoryOfChangeFactory(focus_issue=world.focus)
    outcome = world.focus.outcomes.get()
    factories.ElementFactory(theory=theory, kind="outcome", text="", intended_outcome=outcome)
    with pytest.raises(IntegrityError):
        factories.ElementFactory(theory=theory, kind="outcome", text="", intended_outcome=outcome)


def test_diagram_shows_the_actions_linked_to_each_outcome(client, world):
    outcome = world.focus.outcomes.get()
    write(world, intended_outcomes=[outcome])
    factories.ActionFactory(
        partnership=world.keighley, focus_issue=world.focus, outcome=outcome, title="BRUSH campaign"
    )
    client.force_login(world.people["member"])
    response = client.get(reverse("theory_of_change", kwargs={"slug": "keighley"}))
    box = response.context["columns"][3]["elements"][0]
    action_links = next(g for g in box.links if g["kind"].key == "actions")["links"]
    assert [link.label for link in action_links] == ["BRUSH campaign"]


def test_another_app_can_hang_links_on_outcomes(world, monkeypatch):
    monkeypatch.setattr(links, "_KINDS", dict(links._KINDS))
    outcome = world.focus.outcomes.get()
    links.register_outcome_links(
        key="indicators",
        label="Indicators",
        provider=lambda p, ids: {ids[0]: [links.OutcomeLink(label="Dental absences", url="/x")]},
    )
    found = links.links_for(world.keighley, [outcome.pk])[outcome.pk]
    assert [g["kind"].key for g in found] == ["actions", "indicators"]


def test_theory_edit_form_saves_columns(client, world):
    outcome = world.focus.outcomes.get()
    client.force_login(world.people["research_partner"])
    response = client.post(
        reverse("theory_edit", kwargs={"slug": "keighley"}),
        {
            "inputs": "Co-ordinator time\nCAER analysts",
            "activities": "BRUSH campaign",
            "intended_outcomes": [outcome.pk],
            "impact": "Better child health",
        },
    )
    assert response.status_code == 302
    theory = TheoryOfChange.objects.get(focus_issue=world.focus)
    assert theory.elements.filter(kind="input").count() == 2


def test_theory_form_ticks_the_outcomes_already_chosen(client, world):
    write(world, intended_outcomes=list(world.focus.outcomes.all()))
    client.force_login(world.people["coordinator"])
    html = client.get(reverse("theory_edit", kwargs={"slug": "keighley"})).content.decode()
    (box,) = re.findall(r"<input[^>]*intended_outcomes[^>]*>", html)
    assert "govuk-checkboxes__input" in box and "checked" in box
