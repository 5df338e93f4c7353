"""The panel: weighted scores, ranks and ties, the proposed allocation within the budget,
conflicts of interest, blind scoring, and the agreed allocation that never exceeds the budget."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from actlocally.grants import scoring, selectors, services
from actlocally.grants.models import Award, FundingRound
from tests import factories
from tests import factories_grants as f
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def rows(*specs):
    """Rows of (key, requested, scores...)."""
    return [scoring.Row(key=k, requested=r, scores=tuple(s)) for k, r, *s in specs]


# The arithmetic ----------------------------------------------------------------------------------


def test_weighted_score_counts_each_criterion_by_its_weight():
    assert scoring.weighted_score({1: 5, 2: 2}, {1: 2, 2: 1}) == 4.0


def test_rank_puts_the_highest_mean_first():
    ranked = scoring.rank(rows((1, 100, 2.0), (2, 100, 4.0)))
    assert [r.key for r in ranked] == [2, 1]


def test_rank_gives_equal_means_the_same_rank_and_marks_them_tied():
    ranked = scoring.rank(rows((1, 100, 4.0), (2, 100, 4.0), (3, 100, 1.0)))
    assert [(r.rank, r.tied) for r in ranked] == [(1, True), (1, True), (3, False)]


def test_rows_with_scores_far_apart_are_divergent():
    assert scoring.Row(key=1, requested=1, scores=(1.0, 4.5)).divergent


def test_rows_with_close_scores_are_not_divergent():
    assert not scoring.Row(key=1, requested=1, scores=(3.0, 4.0)).divergent


def test_propose_funds_in_score_order_while_the_budget_lasts():
    ranked = scoring.rank(rows((1, 600, 3.0), (2, 500, 4.0), (3, 400, 2.0)))
    scoring.propose(ranked, budget=1000, min_grant=100, partial=False)
    assert {r.key: r.proposed for r in ranked} == {2: 500, 1: 0, 3: 400}


def test_propose_gives_the_rest_as_a_partial_award_where_allowed():
    ranked = scoring.rank(rows((1, 600, 3.0), (2, 500, 4.0)))
    scoring.propose(ranked, budget=1000, min_grant=100, partial=True)
    assert {r.key: (r.proposed, r.partial) for r in ranked} == {2: (500, False), 1: (500, True)}


def test_propose_gives_no_partial_award_below_the_smallest_grant():
    ranked = scoring.rank(rows((1, 600, 3.0), (2, 950, 4.0)))
    scoring.propose(ranked, budget=1000, min_grant=100, partial=True)
    assert {r.key: r.proposed for r in ranked} == {2: 950, 1: 0}


def test_propose_funds_nothing_when_the_budget_fits_no_application():
    ranked = scoring.rank(rows((1, 600, 3.0), (2, 500, 4.0)))
    left = scoring.propose(ranked, budget=400, min_grant=450, partial=False)
    assert ([r.proposed for r in ranked], left) == ([0, 0], 400)


def test_propose_never_proposes_more_than_the_budget():
    ranked = scoring.rank(rows(*[(k, 333, float(k % 5)) for k in range(1, 30)]))
    scoring.propose(ranked, budget=2000, min_grant=100, partial=True)
    assert sum(r.proposed for r in ranked) <= 2000


def test_propose_leaves_unscored_applications_unfunded():
    ranked = scoring.rank(rows((1, 100), (2, 100, 3.0)))
    scoring.propose(ranked, budget=1000, min_grant=100, partial=False)
    assert {r.key: r.proposed for r in ranked} == {1: 0, 2: 100}


# The panel in the database -----------------------------------------------------------------------


@pytest.fixture
def panel(world):
    """A round being scored: two criteria (weights 2 and 1), three eligible applications and a
    panel of two."""
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(),
        status="scoring",
        budget_pence=800_000,
        min_grant_pence=100_000,
        max_grant_pence=500_000,
        partial_awards=False,
    )
    criteria = [
        f.CriterionFactory(round=funding_round, weight=2),
        f.CriterionFactory(round=funding_round, weight=1),
    ]
    applications = [
        f.ApplicationFactory(
            round=funding_round,
            status="submitted",
            submitted_at=timezone.now(),
            eligibility="eligible",
            amount_requested_pence=amount,
        )
        for amount in (500_000, 400_000, 300_000)
    ]
    people = [factories.UserFactory(), factories.UserFactory()]
    for person in people:
        f.PanellistFactory(round=funding_round, person=person)
    return funding_round, criteria, applications, people


def score(funding_round, criteria, application, person, values, conflicted=False):
    services.declare(
        funding_round=funding_round,
        application=application,
        conflicted=conflicted,
        note="I volunteer there." if conflicted else "",
        by=person,
    )
    if not conflicted:
        services.submit_scores(
            funding_round=funding_round,
            application=application,
            values=dict(zip([c.pk for c in criteria], values, strict=True)),
            by=person,
        )


def row_of(found, application):
    return next(item for item in found["rows"] if item["application"].pk == application.pk)


def test_conflicted_panellist_cannot_score(panel):
    funding_round, criteria, (first, *_), (person, _other) = panel
    services.declare(
        funding_round=funding_round, application=first, conflicted=True, note="Mine", by=person
    )
    with pytest.raises(ValidationError, match="conflict"):
        services.submit_scores(
            funding_round=funding_round,
            application=first,
            values={c.pk: 5 for c in criteria},
            by=person,
        )


def test_conflicted_panellists_scores_never_count(panel):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, other, (2, 2))
    # A score sheet written before a conflict came to light is still left out.
    sheet_holder = funding_round.panellists.get(person=person)
    f.DeclarationFactory(panellist=sheet_holder, application=first, conflicted=True)
    sheet = sheet_holder.sheets.create(application=first, submitted_at=timezone.now())
    sheet.scores.create(criterion=criteria[0], value=5)
    sheet.scores.create(criterion=criteria[1], value=5)
    found = selectors.panel_scores(funding_round)
    assert (row_of(found, first)["row"].mean, row_of(found, first)["row"].count) == (2.0, 1)


def test_conflicted_panellist_never_sees_that_applications_scores(panel):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, other, (4, 4))
    score(funding_round, criteria, first, person, (), conflicted=True)
    assert row_of(selectors.panel_scores(funding_round, person), first)["hidden"]


def test_panellist_does_not_see_scores_before_submitting_their_own(panel):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, other, (4, 4))
    assert row_of(selectors.panel_scores(funding_round, person), first)["hidden"]


def test_panellist_sees_scores_after_submitting_their_own(panel):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, other, (4, 4))
    score(funding_round, criteria, first, person, (2, 2))
    assert not row_of(selectors.panel_scores(funding_round, person), first)["hidden"]


def test_panel_scores_use_the_weighted_mean(panel):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, person, (5, 2))  # (10 + 2) / 3 = 4
    score(funding_round, criteria, first, other, (2, 2))  # 2
    assert row_of(selectors.panel_scores(funding_round), first)["row"].mean == 3.0


def test_scores_cannot_be_submitted_twice(panel):
    funding_round, criteria, (first, *_), (person, _other) = panel
    score(funding_round, criteria, first, person, (3, 3))
    with pytest.raises(ValidationError, match="already"):
        services.submit_scores(
            funding_round=funding_round,
            application=first,
            values={c.pk: 1 for c in criteria},
            by=person,
        )


def test_someone_off_the_panel_cannot_score(panel):
    funding_round, _criteria, (first, *_), _people = panel
    with pytest.raises(PermissionDenied):
        services.declare(
            funding_round=funding_round,
            application=first,
            conflicted=False,
            note="",
            by=factories.UserFactory(),
        )


def test_panel_scores_page_takes_constant_queries(
    panel, client, world, django_assert_max_num_queries
):
    funding_round, criteria, applications, people = panel
    for application in applications:
        for person in people:
            score(funding_round, criteria, application, person, (3, 4))
    client.force_login(world.people["coordinator"])
    with django_assert_max_num_queries(30):
        client.get(reverse("grants_scores", kwargs={"slug": "keighley", "pk": funding_round.pk}))


def feedback_for(applications):
    return {a.pk: "Thank you; the panel funded others first." for a in applications}


def test_agreed_allocation_over_the_budget_is_refused(panel, world):
    funding_round, _criteria, (first, second, _third), _people = panel
    with pytest.raises(ValidationError, match="more than the budget"):
        services.agree_allocation(
            funding_round=funding_round,
            amounts={first.pk: 500_000, second.pk: 400_000},
            feedback=feedback_for(panel[2]),
            reason="Agreed at the meeting.",
            by=world.people["coordinator"],
        )


def test_partial_award_is_refused_where_the_round_does_not_allow_it(panel, world):
    funding_round, _criteria, (first, *_), _people = panel
    with pytest.raises(ValidationError, match="partial"):
        services.agree_allocation(
            funding_round=funding_round,
            amounts={first.pk: 200_000},
            feedback=feedback_for(panel[2]),
            reason="Agreed.",
            by=world.people["coordinator"],
        )


def test_unsuccessful_applicants_must_get_feedback(panel, world):
    funding_round, _criteria, (first, *_), _people = panel
    with pytest.raises(ValidationError, match="Give feedback"):
        services.agree_allocation(
            funding_round=funding_round,
            amounts={first.pk: 500_000},
            feedback={},
            reason="Agreed.",
            by=world.people["coordinator"],
        )


def test_agreed_allocation_records_awards_and_decides_the_round(panel, world):
    funding_round, _criteria, (first, second, third), _people = panel
    services.agree_allocation(
        funding_round=funding_round,
        amounts={first.pk: 500_000, third.pk: 300_000},
        feedback=feedback_for(panel[2]),
        reason="Agreed at the panel meeting.",
        by=world.people["coordinator"],
    )
    funding_round.refresh_from_db()
    second.refresh_from_db()
    assert (
        funding_round.status,
        funding_round.awarded_pence,
        Award.objects.get(application=first).decided_by,
        bool(second.feedback),
    ) == ("decided", 800_000, world.people["coordinator"], True)


def test_database_refuses_awards_over_the_budget(panel):
    funding_round = panel[0]
    with pytest.raises(IntegrityError), transaction.atomic():
        FundingRound.objects.filter(pk=funding_round.pk).update(awarded_pence=800_001)


def test_agreeing_the_allocation_is_refused_to_a_member(panel, world):
    funding_round, _criteria, (first, *_), _people = panel
    with pytest.raises(PermissionDenied):
        services.agree_allocation(
            funding_round=funding_round,
            amounts={first.pk: 500_000},
            feedback=feedback_for(panel[2]),
            reason="Agreed.",
            by=world.people["member"],
        )


# From the pages ----------------------------------------------------------------------------------


def test_coordinator_names_a_panellist_from_the_page(client, world, panel):
    funding_round = panel[0]
    newcomer = factories.UserFactory(email="resident@example.org")
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("grants_panel", kwargs={"slug": "keighley", "pk": funding_round.pk})
    )
    submit(client, response, page_form(response, with_field="email").set("email", newcomer.email))
    assert funding_round.panellists.filter(person=newcomer).exists()


def test_panellist_declares_and_scores_from_the_pages(client, panel):
    funding_round, criteria, (first, *_), (person, _other) = panel
    client.force_login(person)
    url = reverse("grants_panel_declare", kwargs={"pk": funding_round.pk, "application": first.pk})
    response = client.get(url)
    response = submit(
        client, response, page_form(response, with_field="conflicted").set("conflicted", "no")
    )
    response = client.get(response["Location"])
    form = page_form(response, with_field=f"score_{criteria[0].pk}")
    form.set(f"score_{criteria[0].pk}", "4").set(f"score_{criteria[1].pk}", "3")
    submit(client, response, form)
    assert first.sheets.get().scores.count() == 2


def test_coordinator_agrees_the_proposed_allocation_from_the_page(client, world, panel):
    funding_round, criteria, applications, people = panel
    for application, values in zip(applications, [(5, 5), (4, 4), (3, 3)], strict=True):
        score(funding_round, criteria, application, people[0], values)
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("grants_allocation", kwargs={"slug": "keighley", "pk": funding_round.pk})
    )
    form = page_form(response, with_field="reason").set("reason", "Agreed at the meeting.")
    form.set(f"feedback_{applications[1].pk}", "The budget ran out before your project.")
    submit(client, response, form)
    funding_round.refresh_from_db()
    # Proposed in score order: 5,000 fits, 4,000 does not (3,000 left), 3,000 does.
    assert (funding_round.status, funding_round.awarded_pence) == ("decided", 800_000)


def test_panellist_page_takes_constant_queries(panel, client, django_assert_max_num_queries):
    funding_round, criteria, applications, people = panel
    for application in applications:
        score(funding_round, criteria, application, people[0], (3, 4))
    client.force_login(people[0])
    with django_assert_max_num_queries(30):
        client.get(reverse("grants_panel_round", kwargs={"pk": funding_round.pk}))


def test_panellist_page_is_not_found_for_someone_off_the_panel(panel, client):
    client.force_login(factories.UserFactory())
    response = client.get(reverse("grants_panel_round", kwargs={"pk": panel[0].pk}))
    assert response.status_code == 404


def test_naming_a_panellist_tells_them(panel, world):
    from actlocally.notifications.models import Notification

    person = factories.UserFactory(email="panel.newcomer@example.org")
    services.add_panellist(
        funding_round=panel[0], email=person.email, by=world.people["coordinator"]
    )
    assert Notification.objects.filter(recipient=person, kind="panel_invitation").exists()


def test_panellist_page_hides_others_scores_until_they_score(panel, client):
    funding_round, criteria, (first, *_), (person, other) = panel
    score(funding_round, criteria, first, other, (5, 5))
    client.force_login(person)
    page = client.get(reverse("grants_panel_round", kwargs={"pk": funding_round.pk}))
    assert (
        "Hidden until you have scored it" in page.content.decode(),
        "5.0" in page.content.decode(),
    ) == (
        True,
        False,
    )
