"""Funding rounds: their terms, questions and criteria, and the steps of their workflow."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from ..models import (
    Criterion,
    FundingRound,
    OrganisationType,
    Question,
)
from ..workflow import WORKFLOW

ROUND_FIELDS = (
    "focus_issue",
    "title",
    "summary",
    "budget_pence",
    "min_grant_pence",
    "max_grant_pence",
    "partial_awards",
    "eligible_types",
    "opens_on",
    "closes_at",
    "panel_meeting_on",
    "decision_on",
)


def _check_round(funding_round: FundingRound) -> None:
    """The rules a round must keep, said in words before the database's constraints refuse it."""
    errors = {}
    if funding_round.focus_issue.partnership_id != funding_round.partnership_id:
        errors["focus_issue"] = _("Choose one of this partnership's focus issues.")
    if funding_round.budget_pence <= 0:
        errors["budget_pence"] = _("The budget must be more than £0.")
    if funding_round.min_grant_pence <= 0:
        errors["min_grant_pence"] = _("The smallest grant must be more than £0.")
    elif funding_round.min_grant_pence > funding_round.max_grant_pence:
        errors["min_grant_pence"] = _("The smallest grant cannot be more than the largest.")
    if funding_round.max_grant_pence > funding_round.budget_pence:
        errors["max_grant_pence"] = _("The largest grant cannot be more than the budget.")
    unknown = set(funding_round.eligible_types) - set(OrganisationType.values)
    if not funding_round.eligible_types or unknown:
        errors["eligible_types"] = _("Choose at least one kind of organisation that may apply.")
    closes_on = funding_round.closes_at.date()
    if closes_on < funding_round.opens_on:
        errors["closes_at"] = _("The deadline must be on or after the day the round opens.")
    if funding_round.panel_meeting_on < closes_on:
        errors["panel_meeting_on"] = _("The panel must meet on or after the deadline.")
    if funding_round.decision_on < funding_round.panel_meeting_on:
        errors["decision_on"] = _("The decision must be on or after the panel meeting.")
    if errors:
        raise ValidationError(errors)


def _editable(funding_round: FundingRound) -> None:
    if funding_round.status != FundingRound.Status.DRAFT:
        raise ValidationError(
            _("%(title)s is open or past: its terms can no longer change.")
            % {"title": funding_round.title}
        )


def save_round(
    *, partnership, funding_round: FundingRound | None = None, illustrative=False, by, **values
) -> FundingRound:
    """Start a draft round for the partnership, or change a draft's terms."""
    if set(values) != set(ROUND_FIELDS):
        raise TypeError(f"save_round takes exactly {ROUND_FIELDS}")
    with transaction.atomic(), acting_as(by):
        if funding_round is None:
            funding_round = FundingRound(
                partnership=partnership, created_by=by, illustrative=illustrative
            )
        else:
            funding_round = FundingRound.objects.select_for_update().get(
                pk=funding_round.pk, partnership=partnership
            )
            _editable(funding_round)
        for name, value in values.items():
            setattr(funding_round, name, value)
        funding_round.eligible_types = sorted(set(funding_round.eligible_types))
        _check_round(funding_round)
        funding_round.save()
    return funding_round


def add_question(
    *, funding_round: FundingRound, text: str, help_text: str = "", word_limit: int, by
) -> Question:
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        _editable(funding_round)
        if word_limit < 1:
            raise ValidationError({"word_limit": _("The word limit must be at least 1 word.")})
        order = funding_round.questions.count() + 1
        question = Question(
            round=funding_round, order=order, text=text, help_text=help_text, word_limit=word_limit
        )
        question.full_clean()
        question.save()
    return question


def add_criterion(
    *, funding_round: FundingRound, name: str, description: str = "", weight: int, by
) -> Criterion:
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        _editable(funding_round)
        if not 1 <= weight <= 10:
            raise ValidationError({"weight": _("The weight must be a whole number from 1 to 10.")})
        order = funding_round.criteria.count() + 1
        criterion = Criterion(
            round=funding_round, order=order, name=name, description=description, weight=weight
        )
        criterion.full_clean()
        criterion.save()
    return criterion


def remove_item(*, item: Question | Criterion, by) -> None:
    """Take a question or a criterion off a draft round."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=item.round_id)
        _editable(funding_round)
        item.delete()


def transition(*, funding_round: FundingRound, name: str, by) -> FundingRound:
    """Move the round on by one declared step (workflow.py says who may)."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        WORKFLOW.check(funding_round, name, by=by)
        if name == "decide":
            # The decision is the allocation the panel agreed: services.agree_allocation.
            raise ValidationError(_("Record the decision by agreeing the allocation."))
        if (
            name == "start_scoring"
            and funding_round.applications.filter(
                status="submitted", eligibility="unchecked"
            ).exists()
        ):
            raise ValidationError(
                _("Check the eligibility of every submitted application before the panel scores.")
            )
        if name == "open":
            missing = []
            if not funding_round.questions.exists():
                missing.append(_("at least one question for applicants"))
            if not funding_round.criteria.exists():
                missing.append(_("at least one scoring criterion"))
            if missing:
                raise ValidationError(
                    _("Before the round opens, add %(missing)s.")
                    % {"missing": _(" and ").join(str(m) for m in missing)}
                )
        WORKFLOW.run(funding_round, name, by=by)
    return funding_round
