"""After the decision: the co-ordinator records each award's grant agreement and its payments
(planned, then made, never more than the award); the grantee reports on the work."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as

from ..models import Agreement, Award, FundingRound, GranteeReport, Payment, pounds

DECIDED = (FundingRound.Status.DECIDED, FundingRound.Status.PUBLISHED)


def _award_for_manager(award: Award, by) -> Award:
    award = (
        Award.objects.select_for_update()
        .select_related("application__round__partnership")
        .get(pk=award.pk)
    )
    if by is not None and not has_permission(
        by, "grants.manage_awards", award.application.round.partnership
    ):
        raise PermissionDenied
    if award.application.round.status not in DECIDED:
        raise ValidationError(_("The round is not decided yet."))
    return award


def record_agreement(
    *,
    award: Award,
    starts_on: datetime.date,
    ends_on: datetime.date,
    conditions: str,
    signed_on: datetime.date,
    by,
) -> Agreement:
    """Record (or correct) the grant agreement signed for an award."""
    with transaction.atomic(), acting_as(by):
        award = _award_for_manager(award, by)
        if ends_on < starts_on:
            raise ValidationError({"ends_on": _("The work must end on or after it starts.")})
        if not conditions.strip():
            raise ValidationError({"conditions": _("Say what the grant's conditions are.")})
        agreement, _created = Agreement.objects.update_or_create(
            award=award,
            defaults={
                "starts_on": starts_on,
                "ends_on": ends_on,
                "conditions": conditions.strip(),
                "signed_on": signed_on,
                "recorded_by": by,
            },
        )
    return agreement


def plan_payment(
    *, award: Award, amount_pence: int, due_on: datetime.date, by, illustrative: bool = False
) -> Payment:
    """Plan a payment of an award; all its payments together stay within the award."""
    with transaction.atomic(), acting_as(by):
        award = _award_for_manager(award, by)
        if amount_pence <= 0:
            raise ValidationError({"amount_pence": _("The payment must be more than £0.")})
        planned = award.payments.aggregate(total=Sum("amount_pence"))["total"] or 0
        if planned + amount_pence > award.amount_pence:
            raise ValidationError(
                {
                    "amount_pence": _(
                        "The payments would come to more than the award of %(award)s: "
                        "%(left)s is left to plan."
                    )
                    % {"award": award.amount, "left": pounds(award.amount_pence - planned)}
                }
            )
        return Payment.objects.create(
            award=award,
            amount_pence=amount_pence,
            due_on=due_on,
            recorded_by=by,
            illustrative=illustrative,
        )


def record_payment_made(*, payment: Payment, paid_on: datetime.date, by) -> Payment:
    """Record that a planned payment was made, and when."""
    with transaction.atomic(), acting_as(by):
        _award_for_manager(payment.award, by)
        payment = Payment.objects.select_for_update().get(pk=payment.pk)
        if payment.paid_on is not None:
            raise ValidationError(_("This payment is already recorded as made."))
        if paid_on > timezone.localdate():
            raise ValidationError({"paid_on": _("The date paid cannot be in the future.")})
        payment.paid_on = paid_on
        payment.recorded_by = by
        payment.save(update_fields=["paid_on", "recorded_by"])
    return payment


def submit_report(
    *,
    award: Award,
    period_end: datetime.date,
    spend_pence: int,
    people_reached: int,
    narrative: str,
    case_study: str,
    outcome_ids: list[int],
    by,
    illustrative: bool = False,
) -> GranteeReport:
    """The grantee (the application's contact) reports spend, people reached, what happened and
    a case study, against the focus issue's intended outcomes."""
    with transaction.atomic(), acting_as(by):
        award = Award.objects.select_related("application__round__focus_issue").get(pk=award.pk)
        application = award.application
        if by is not None and application.applicant_id != by.pk:
            raise PermissionDenied
        if application.round.status not in DECIDED:
            raise ValidationError(_("The round is not decided yet."))
        errors = {}
        if spend_pence > award.amount_pence:
            errors["spend_pence"] = _("The spend cannot be more than the grant of %(award)s.") % {
                "award": award.amount
            }
        if not narrative.strip():
            errors["narrative"] = _("Say what happened.")
        if not case_study.strip():
            errors["case_study"] = _("Give one example of the difference it made.")
        outcomes = list(application.round.focus_issue.outcomes.filter(pk__in=outcome_ids))
        if not outcomes or len(outcomes) != len(set(outcome_ids)):
            errors["outcomes"] = _("Choose the intended outcomes the work served.")
        if errors:
            raise ValidationError(errors)
        report = GranteeReport.objects.create(
            award=award,
            period_end=period_end,
            spend_pence=spend_pence,
            people_reached=people_reached,
            narrative=narrative.strip(),
            case_study=case_study.strip(),
            submitted_by=by,
            submitted_at=timezone.now(),
            illustrative=illustrative,
        )
        report.outcomes.set(outcomes)
    return report
