"""The panel: its members named, their declarations of interest, their blind scores, and the
allocation it agrees (never more than the budget)."""

import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify

from ..models import (
    SCORE_MAX,
    Application,
    Award,
    Declaration,
    FundingRound,
    Panellist,
    Score,
    ScoreSheet,
    pounds,
)
from ..workflow import WORKFLOW

State = FundingRound.Status


def _require(by, perm: str, obj) -> None:
    if by is not None and not has_permission(by, perm, obj):
        raise PermissionDenied


def add_panellist(*, funding_round: FundingRound, email: str, by) -> Panellist:
    """Name an existing account to the round's panel."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        _require(by, "grants.manage_panel", funding_round.partnership)
        if funding_round.status in (State.DECIDED, State.PUBLISHED):
            raise ValidationError(_("The round is decided: its panel can no longer change."))
        person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True)
        person = person.first()
        if person is None:
            raise ValidationError(
                {"email": _("No account uses this email address: ask them to create one first.")}
            )
        if funding_round.panellists.filter(person=person).exists():
            raise ValidationError({"email": _("They are already on the panel.")})
        panellist = Panellist.objects.create(round=funding_round, person=person)
        notify(
            kind=Kind.PANEL_INVITATION,
            recipients=[person],
            subject=_("You are on the panel of %(round)s") % {"round": funding_round.title},
            context={"funding_round": funding_round},
            url=reverse("grants_panel_round", kwargs={"pk": funding_round.pk}),
            by=by,
        )
    return panellist


def _panellist_of(funding_round: FundingRound, by) -> Panellist:
    panellist = funding_round.panellists.filter(person=by).first()
    if panellist is None:
        raise PermissionDenied
    return panellist


def _scoreable(funding_round: FundingRound, application: Application) -> None:
    if funding_round.status != State.SCORING:
        raise ValidationError(_("The panel is not scoring this round now."))
    if (
        application.round_id != funding_round.pk
        or application.eligibility != Application.Eligibility.ELIGIBLE
    ):
        raise ValidationError(_("Only the round's eligible applications are scored."))


def declare(
    *, funding_round: FundingRound, application: Application, conflicted: bool, note: str, by
) -> Declaration:
    """A panellist says, once, whether they have a conflict of interest with an application."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        panellist = _panellist_of(funding_round, by)
        _scoreable(funding_round, application)
        if Declaration.objects.filter(panellist=panellist, application=application).exists():
            raise ValidationError(_("You have already declared your interest in this one."))
        if conflicted and not note.strip():
            raise ValidationError({"note": _("Say what the conflict is.")})
        return Declaration.objects.create(
            panellist=panellist, application=application, conflicted=conflicted, note=note.strip()
        )


def submit_scores(
    *,
    funding_round: FundingRound,
    application: Application,
    values: dict[int, int],
    comment: str = "",
    by,
) -> ScoreSheet:
    """A panellist's scores for one application, against every criterion, submitted once. They
    see the others' scores only after this."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        panellist = _panellist_of(funding_round, by)
        _scoreable(funding_round, application)
        declaration = Declaration.objects.filter(
            panellist=panellist, application=application
        ).first()
        if declaration is None:
            raise ValidationError(_("Declare any conflict of interest before you score."))
        if declaration.conflicted:
            raise ValidationError(_("You declared a conflict of interest: you do not score this."))
        if ScoreSheet.objects.filter(panellist=panellist, application=application).exists():
            raise ValidationError(_("You have already submitted your scores for this one."))
        criteria = list(funding_round.criteria.all())
        if set(values) != {c.pk for c in criteria}:
            raise ValidationError(_("Score every criterion."))
        if any(not 0 <= v <= SCORE_MAX for v in values.values()):
            raise ValidationError(_("Each score is from 0 to %(max)s.") % {"max": SCORE_MAX})
        sheet = ScoreSheet.objects.create(
            panellist=panellist,
            application=application,
            comment=comment.strip(),
            submitted_at=timezone.now(),
        )
        Score.objects.bulk_create(
            Score(sheet=sheet, criterion=c, value=values[c.pk]) for c in criteria
        )
    return sheet


def agree_allocation(
    *,
    funding_round: FundingRound,
    amounts: dict[int, int],
    feedback: dict[int, str],
    reason: str,
    by,
    on: datetime.date | None = None,
    illustrative: bool = False,
) -> FundingRound:
    """Record the allocation the panel agreed, and so the round's decision: an award (who, when,
    why) for each funded application, feedback for each unsuccessful one. The total is held
    within the budget here and by the database's constraint on the round."""
    with transaction.atomic(), acting_as(by):
        funding_round = FundingRound.objects.select_for_update().get(pk=funding_round.pk)
        WORKFLOW.check(funding_round, "decide", by=by)
        _require(by, "grants.agree_allocation", funding_round.partnership)
        if not reason.strip():
            raise ValidationError({"reason": _("Say how the panel reached its decision.")})
        submitted = list(funding_round.applications.filter(status=Application.Status.SUBMITTED))
        eligible = {a.pk: a for a in submitted if a.eligibility == "eligible"}
        if set(amounts) - set(eligible):
            raise ValidationError(_("Only eligible applications can be funded."))
        errors = []
        for pk, application in eligible.items():
            amount = amounts.get(pk, 0)
            if amount == 0:
                if not (feedback.get(pk) or "").strip():
                    errors.append(
                        _("Give feedback to %(project)s, which is not funded.")
                        % {"project": application.project_title}
                    )
                continue
            low = funding_round.min_grant_pence
            if amount > application.amount_requested_pence or amount < low:
                errors.append(
                    _("%(project)s: award between %(low)s and the %(asked)s asked for, or nothing.")
                    % {
                        "project": application.project_title,
                        "low": funding_round.min_grant,
                        "asked": application.amount_requested,
                    }
                )
            elif amount < application.amount_requested_pence and not funding_round.partial_awards:
                errors.append(
                    _("%(project)s: this round does not allow partial awards.")
                    % {"project": application.project_title}
                )
        total = sum(amounts.values())
        if total > funding_round.budget_pence:
            errors.append(
                _("The awards add up to %(total)s, more than the budget of %(budget)s.")
                % {"total": pounds(total), "budget": funding_round.budget}
            )
        if errors:
            raise ValidationError(errors)
        now = timezone.now()
        on = on or timezone.localdate()
        Award.objects.filter(application__round=funding_round).delete()
        Award.objects.bulk_create(
            Award(
                application=eligible[pk],
                amount_pence=amount,
                reason=reason.strip(),
                decided_by=by,
                decided_at=now,
                illustrative=illustrative,
            )
            for pk, amount in amounts.items()
            if amount
        )
        for application in submitted:
            if amounts.get(application.pk):
                application.feedback = ""
            elif application.pk in eligible:
                application.feedback = feedback[application.pk].strip()
            else:
                application.feedback = (feedback.get(application.pk) or "").strip() or (
                    application.eligibility_reason
                )
        Application.objects.bulk_update(submitted, ["feedback"])
        # The total is read back from the awards as written, and the round's constraint
        # (awarded within budget) refuses it in this transaction if it is ever over.
        funding_round.awarded_pence = (
            Award.objects.filter(application__round=funding_round).aggregate(t=Sum("amount_pence"))[
                "t"
            ]
            or 0
        )
        funding_round.decision_reason = reason.strip()
        WORKFLOW.run(
            funding_round, "decide", by=by, update_fields=["awarded_pence", "decision_reason"]
        )
        # A decided round is the blueprint's evidence that the community budget is secured.
        record_evidence(
            partnership=funding_round.partnership,
            step_key=StepKey.SECURE_COMMUNITY_BUDGET,
            evidence_label=str(funding_round),
            evidence_url=funding_round.get_absolute_url(),
            on=on,
            by=by,
        )
    return funding_round
