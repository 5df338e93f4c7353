"""Funding rounds of the community budget: terms checked in words and by the database, the
declared workflow from draft to published, and setting a round up from its pages."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from actlocally.core.workflow import WrongState
from actlocally.grants import services
from actlocally.grants.models import FundingRound, pounds
from tests import factories_grants as f
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db


def terms(focus_issue, **changes):
    return {
        "focus_issue": focus_issue,
        "title": "Healthy holidays",
        "summary": "Holiday food clubs.",
        "budget_pence": 2_000_000,
        "min_grant_pence": 100_000,
        "max_grant_pence": 500_000,
        "partial_awards": False,
        "eligible_types": ["charity"],
        "opens_on": datetime.date(2030, 3, 1),
        "closes_at": datetime.datetime(2030, 3, 31, 12, 0, tzinfo=datetime.UTC),
        "panel_meeting_on": datetime.date(2030, 4, 15),
        "decision_on": datetime.date(2030, 4, 30),
        **changes,
    }


@pytest.fixture
def draft(world):
    funding_round = f.FundingRoundFactory(focus_issue=world.keighley.focus_issues.first())
    f.QuestionFactory(round=funding_round)
    f.CriterionFactory(round=funding_round)
    return funding_round


def test_pounds_shows_whole_pounds_without_pence():
    assert pounds(125_000) == "£1,250"


def test_pounds_shows_pence_when_there_are_some():
    assert pounds(125_050) == "£1,250.50"


def test_save_round_refuses_a_largest_grant_over_the_budget(world):
    focus = world.keighley.focus_issues.first()
    with pytest.raises(ValidationError) as error:
        services.save_round(
            partnership=world.keighley, by=None, **terms(focus, max_grant_pence=3_000_000)
        )
    assert "max_grant_pence" in error.value.error_dict


def test_save_round_refuses_a_smallest_grant_over_the_largest(world):
    focus = world.keighley.focus_issues.first()
    with pytest.raises(ValidationError) as error:
        services.save_round(
            partnership=world.keighley, by=None, **terms(focus, min_grant_pence=600_000)
        )
    assert "min_grant_pence" in error.value.error_dict


def test_save_round_refuses_a_panel_before_the_deadline(world):
    focus = world.keighley.focus_issues.first()
    with pytest.raises(ValidationError) as error:
        services.save_round(
            partnership=world.keighley,
            by=None,
            **terms(focus, panel_meeting_on=datetime.date(2030, 3, 20)),
        )
    assert "panel_meeting_on" in error.value.error_dict


def test_save_round_refuses_another_partnerships_focus_issue(world):
    other = world.holme_wood.focus_issues.first() or f.FocusIssueFactory(
        partnership=world.holme_wood
    )
    with pytest.raises(ValidationError) as error:
        services.save_round(partnership=world.keighley, by=None, **terms(other))
    assert "focus_issue" in error.value.error_dict


def test_save_round_refuses_no_eligible_organisations(world):
    focus = world.keighley.focus_issues.first()
    with pytest.raises(ValidationError) as error:
        services.save_round(partnership=world.keighley, by=None, **terms(focus, eligible_types=[]))
    assert "eligible_types" in error.value.error_dict


def test_database_refuses_a_largest_grant_over_the_budget(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingRound.objects.filter(pk=draft.pk).update(max_grant_pence=draft.budget_pence + 1)


def test_database_refuses_a_zero_budget(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingRound.objects.filter(pk=draft.pk).update(
            budget_pence=0, max_grant_pence=0, min_grant_pence=0
        )


def test_database_refuses_a_decision_before_the_panel(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingRound.objects.filter(pk=draft.pk).update(decision_on=datetime.date(2030, 4, 1))


def test_database_refuses_a_deadline_before_opening(draft):
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingRound.objects.filter(pk=draft.pk).update(opens_on=datetime.date(2030, 4, 1))


def test_add_criterion_refuses_a_weight_over_ten(draft):
    with pytest.raises(ValidationError):
        services.add_criterion(funding_round=draft, name="Reach", weight=11, by=None)


def test_open_round_refuses_a_round_without_questions(world):
    funding_round = f.FundingRoundFactory(focus_issue=world.keighley.focus_issues.first())
    f.CriterionFactory(round=funding_round)
    with pytest.raises(ValidationError, match="question"):
        services.transition(
            funding_round=funding_round, name="open", by=world.people["coordinator"]
        )


def test_open_round_moves_a_complete_draft_to_open(draft, world):
    services.transition(funding_round=draft, name="open", by=world.people["coordinator"])
    draft.refresh_from_db()
    assert draft.status == FundingRound.Status.OPEN


def test_open_round_is_refused_to_a_member(draft, world):
    with pytest.raises(PermissionDenied):
        services.transition(funding_round=draft, name="open", by=world.people["member"])


def test_publish_is_refused_before_the_decision(draft, world):
    services.transition(funding_round=draft, name="open", by=None)
    with pytest.raises(WrongState):
        services.transition(funding_round=draft, name="publish", by=world.people["coordinator"])


def test_round_walks_to_scoring_in_order(draft):
    for name in ("open", "close", "start_scoring"):
        services.transition(funding_round=draft, name=name, by=None)
    draft.refresh_from_db()
    assert draft.status == FundingRound.Status.SCORING


def test_decide_step_is_only_taken_by_agreeing_the_allocation(draft):
    for name in ("open", "close", "start_scoring"):
        services.transition(funding_round=draft, name=name, by=None)
    with pytest.raises(ValidationError, match="agreeing the allocation"):
        services.transition(funding_round=draft, name="decide", by=None)


def test_scoring_waits_for_every_eligibility_check(draft):
    services.transition(funding_round=draft, name="open", by=None)
    services.transition(funding_round=draft, name="close", by=None)
    f.ApplicationFactory(round=draft, status="submitted", submitted_at=timezone.now())
    with pytest.raises(ValidationError, match="eligibility"):
        services.transition(funding_round=draft, name="start_scoring", by=None)


def test_open_round_terms_can_no_longer_change(draft):
    services.transition(funding_round=draft, name="open", by=None)
    with pytest.raises(ValidationError):
        services.add_question(funding_round=draft, text="One more?", word_limit=100, by=None)


# From the pages ----------------------------------------------------------------------------------


def test_coordinator_starts_a_round_from_the_page(client, world):
    client.force_login(world.people["coordinator"])
    url = reverse("grants_round_new", kwargs={"slug": "keighley"})
    response = client.get(url)
    form = page_form(response, with_field="title")
    form.set("title", "Healthy holidays").set("summary", "Food and fun in the holidays.")
    form.set("budget_pence", "20,000").set("min_grant_pence", "1000")
    form.set("max_grant_pence", "5000.50").set("partial_awards", "yes")
    form.tick("eligible_types", "charity", "community_group")
    form.set("opens_on", "2030-03-01").set("closes_on", "2030-03-31").set("closes_time", "12:00")
    form.set("panel_meeting_on", "2030-04-15").set("decision_on", "2030-04-30")
    response = submit(client, response, form)
    assert response.status_code == 302
    made = FundingRound.objects.get(title="Healthy holidays")
    assert (made.budget_pence, made.max_grant_pence) == (2_000_000, 500_050)


def test_round_page_shows_the_error_for_a_largest_grant_over_budget(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("grants_round_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="title")
    form.set("title", "Too big").set("summary", "x").set("budget_pence", "100")
    form.set("min_grant_pence", "10").set("max_grant_pence", "200").set("partial_awards", "no")
    form.tick("eligible_types", "cic")
    form.set("opens_on", "2030-03-01").set("closes_on", "2030-03-31").set("closes_time", "12:00")
    form.set("panel_meeting_on", "2030-04-15").set("decision_on", "2030-04-30")
    response = submit(client, response, form)
    assert "The largest grant cannot be more than the budget." in response.content.decode()


def test_coordinator_adds_a_question_from_the_page(client, world, draft):
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("grants_question_new", kwargs={"slug": "keighley", "pk": draft.pk})
    )
    form = page_form(response, with_field="text").set("text", "Who will come?")
    form.set("word_limit", "150")
    submit(client, response, form)
    assert draft.questions.filter(text="Who will come?", word_limit=150).exists()


def test_coordinator_adds_a_criterion_from_the_page(client, world, draft):
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("grants_criterion_new", kwargs={"slug": "keighley", "pk": draft.pk})
    )
    form = page_form(response, with_field="name").set("name", "Reaches families")
    form.set("weight", "3")
    submit(client, response, form)
    assert draft.criteria.filter(name="Reaches families", weight=3).exists()


def test_coordinator_removes_a_question_from_the_round_page(client, world, draft):
    client.force_login(world.people["coordinator"])
    question = draft.questions.get()
    response = client.get(draft.get_absolute_url())
    form = next(f for f in read_forms(response.content) if f.action.endswith("/remove/"))
    submit(client, response, form)
    assert not draft.questions.filter(pk=question.pk).exists()


def test_coordinator_opens_the_round_from_its_page(client, world, draft):
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("grants_transition", kwargs={"slug": "keighley", "pk": draft.pk, "name": "open"})
    )
    form = next(f for f in read_forms(response.content) if f.method == "post" and not f.action)
    submit(client, response, form)
    draft.refresh_from_db()
    assert draft.status == FundingRound.Status.OPEN


def test_round_page_offers_members_no_steps(client, world, draft):
    client.force_login(world.people["member"])
    response = client.get(draft.get_absolute_url())
    assert b"Open the round for applications" not in response.content


def test_round_page_takes_constant_queries(client, world, draft, django_assert_max_num_queries):
    for _n in range(5):
        f.QuestionFactory(round=draft)
        f.CriterionFactory(round=draft)
    client.force_login(world.people["coordinator"])
    with django_assert_max_num_queries(25):
        client.get(draft.get_absolute_url())
