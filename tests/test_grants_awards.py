"""After the decision: grant agreements, planned and made payments (never more than the award),
the grantee's report against the intended outcomes, and the overview's paid figure."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from actlocally.grants import services, threesixty
from actlocally.grants.models import Payment
from actlocally.partnerships.models import IntendedOutcome
from tests import factories
from tests import factories_grants as f
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="decided", awarded_pence=300_000
    )
    return f.AwardFactory(application__round=funding_round, amount_pence=300_000)


@pytest.fixture
def coordinator(world):
    return world.people["coordinator"]


@pytest.fixture
def outcome(award):
    return IntendedOutcome.objects.create(
        focus_issue=award.application.round.focus_issue, text="More children eat a hot meal."
    )


def _plan(award, coordinator, pence, days=7):
    return services.plan_payment(
        award=award,
        amount_pence=pence,
        due_on=timezone.localdate() + datetime.timedelta(days=days),
        by=coordinator,
    )


def test_agreement_is_recorded_with_who(award, coordinator):
    agreement = services.record_agreement(
        award=award,
        starts_on=datetime.date(2030, 5, 1),
        ends_on=datetime.date(2030, 8, 31),
        conditions="Spend on the summer club; report by September.",
        signed_on=datetime.date(2030, 4, 30),
        by=coordinator,
    )
    assert agreement.recorded_by == coordinator


def test_agreement_refuses_work_that_ends_before_it_starts(award, coordinator):
    with pytest.raises(ValidationError, match="end on or after it starts"):
        services.record_agreement(
            award=award,
            starts_on=datetime.date(2030, 5, 1),
            ends_on=datetime.date(2030, 4, 1),
            conditions="x",
            signed_on=datetime.date(2030, 4, 30),
            by=coordinator,
        )


def test_a_member_cannot_record_an_agreement(award, world):
    with pytest.raises(PermissionDenied):
        services.record_agreement(
            award=award,
            starts_on=datetime.date(2030, 5, 1),
            ends_on=datetime.date(2030, 8, 1),
            conditions="x",
            signed_on=datetime.date(2030, 4, 30),
            by=world.people["member"],
        )


def test_payments_may_add_up_to_the_award(award, coordinator):
    _plan(award, coordinator, 100_000)
    _plan(award, coordinator, 200_000)
    assert award.payments.count() == 2


def test_payments_over_the_award_are_refused_with_what_is_left(award, coordinator):
    _plan(award, coordinator, 250_000)
    with pytest.raises(ValidationError, match="£500 is left to plan"):
        _plan(award, coordinator, 100_000)


def test_payment_is_recorded_as_made(award, coordinator):
    payment = _plan(award, coordinator, 100_000)
    services.record_payment_made(payment=payment, paid_on=timezone.localdate(), by=coordinator)
    assert Payment.objects.get(pk=payment.pk).paid_on == timezone.localdate()


def test_a_payment_cannot_be_made_in_the_future(award, coordinator):
    payment = _plan(award, coordinator, 100_000)
    with pytest.raises(ValidationError, match="cannot be in the future"):
        services.record_payment_made(
            payment=payment,
            paid_on=timezone.localdate() + datetime.timedelta(days=1),
            by=coordinator,
        )


def test_payments_wait_for_the_decision(world, coordinator):
    scoring = f.AwardFactory(
        application__round=f.FundingRoundFactory(
            focus_issue=world.keighley.focus_issues.first(), status="scoring"
        )
    )
    with pytest.raises(ValidationError, match="not decided"):
        _plan(scoring, coordinator, 100)


def _report(award, by, outcome, **changes):
    values = {
        "period_end": datetime.date(2030, 8, 31),
        "spend_pence": 250_000,
        "people_reached": 64,
        "narrative": "Twenty days of lunch and games.",
        "case_study": "A boy who would have stayed in came every day.",
        "outcome_ids": [outcome.pk],
        **changes,
    }
    return services.submit_report(award=award, by=by, **values)


def test_grantee_reports_against_the_intended_outcomes(award, outcome):
    report = _report(award, award.application.applicant, outcome)
    assert list(report.outcomes.all()) == [outcome]


def test_report_spend_over_the_grant_is_refused(award, outcome):
    with pytest.raises(ValidationError, match="cannot be more than the grant"):
        _report(award, award.application.applicant, outcome, spend_pence=400_000)


def test_report_needs_an_outcome_of_the_focus_issue(award, outcome):
    elsewhere = IntendedOutcome.objects.create(
        focus_issue=factories.FocusIssueFactory(), text="Elsewhere."
    )
    with pytest.raises(ValidationError, match="intended outcomes"):
        _report(award, award.application.applicant, outcome, outcome_ids=[elsewhere.pk])


def test_only_the_grantee_reports(award, outcome):
    with pytest.raises(PermissionDenied):
        _report(award, factories.UserFactory(), outcome)


def test_overview_shows_what_is_paid(client, world, award, coordinator):
    payment = _plan(award, coordinator, 120_000)
    services.record_payment_made(payment=payment, paid_on=timezone.localdate(), by=coordinator)
    client.force_login(world.people["member"])
    text = client.get(world.keighley.get_absolute_url()).content.decode()
    assert "Paid" in text and "£1,200" in text


def test_360giving_carries_the_amount_disbursed_and_planned_dates(award, coordinator):
    services.record_agreement(
        award=award,
        starts_on=datetime.date(2030, 5, 1),
        ends_on=datetime.date(2030, 8, 31),
        conditions="x",
        signed_on=datetime.date(2030, 4, 30),
        by=coordinator,
    )
    payment = _plan(award, coordinator, 120_000)
    services.record_payment_made(payment=payment, paid_on=timezone.localdate(), by=coordinator)
    award.application.round.status = "published"
    award.application.round.save()
    data = threesixty.package(threesixty.published_awards())
    grant = data["grants"][0]
    assert (grant["amountDisbursed"], grant["plannedDates"][0]["endDate"]) == (1200, "2030-08-31")
    assert threesixty.errors_in(data) == []


# From the pages ----------------------------------------------------------------------------------


def _award_url(award, name="grants_award", **more):
    return reverse(
        name,
        kwargs={"slug": "keighley", "pk": award.application.round_id, "award": award.pk, **more},
    )


def test_coordinator_records_agreement_and_payment_from_the_page(client, award, coordinator):
    client.force_login(coordinator)
    response = client.get(_award_url(award))
    form = page_form(response, with_field="agreement-conditions")
    form.set("agreement-starts_on", "2030-05-01").set("agreement-ends_on", "2030-08-31")
    form.set("agreement-signed_on", "2030-04-30").set("agreement-conditions", "Summer club.")
    submit(client, response, form)
    response = client.get(_award_url(award))
    form = page_form(response, with_field="payment-amount_pence")
    form.set("payment-amount_pence", "1500").set("payment-due_on", "2030-05-01")
    submit(client, response, form)
    response = client.get(_award_url(award))
    paid = next(x for x in read_forms(response.content) if x.action.endswith("/paid/"))
    payment = award.payments.get()
    paid.set(f"paid-{payment.pk}-paid_on", timezone.localdate().isoformat())
    submit(client, response, paid)
    award.refresh_from_db()
    assert (award.agreement.conditions, award.payments.get().paid_on) == (
        "Summer club.",
        timezone.localdate(),
    )


def test_award_page_shows_why_a_payment_over_the_award_is_refused(client, award, coordinator):
    client.force_login(coordinator)
    response = client.get(_award_url(award))
    form = page_form(response, with_field="payment-amount_pence")
    form.set("payment-amount_pence", "5000").set("payment-due_on", "2030-05-01")
    response = submit(client, response, form)
    assert "would come to more than the award" in response.content.decode()


def test_grantee_reports_from_the_page(client, award, outcome):
    client.force_login(award.application.applicant)
    response = client.get(reverse("grants_report", kwargs={"pk": award.application.pk}))
    form = page_form(response, with_field="narrative")
    form.set("period_end", "2030-08-31").set("spend_pence", "2000").set("people_reached", "40")
    form.set("narrative", "Lunch and games.").set("case_study", "A girl made a friend.")
    submit(client, response, form.tick("outcome_ids", str(outcome.pk)))
    assert award.reports.get().people_reached == 40


def test_someone_else_gets_no_report_page(client, award):
    client.force_login(factories.UserFactory())
    response = client.get(reverse("grants_report", kwargs={"pk": award.application.pk}))
    assert response.status_code == 404
