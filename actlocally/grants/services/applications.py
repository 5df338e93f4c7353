"""Applications: drafted and answered by an organisation's contact, submitted before the
deadline, then checked for eligibility by the co-ordinator."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as

from ..models import Answer, Application, Clarification, FundingRound, Question, count_words

APPLICATION_FIELDS = (
    "organisation_name",
    "organisation_type",
    "charity_number",
    "company_number",
    "project_title",
    "ward",
    "amount_requested_pence",
)


def _deadline(funding_round: FundingRound) -> str:
    return timezone.localtime(funding_round.closes_at).strftime("%-d %B %Y, %H:%M")


def _check_open(funding_round: FundingRound) -> None:
    """The round takes applications: it is open and its deadline has not passed."""
    if funding_round.status != FundingRound.Status.OPEN:
        raise ValidationError(
            _("%(title)s is not open for applications.") % {"title": funding_round.title}
        )
    if timezone.now() > funding_round.closes_at:
        raise ValidationError(
            _("The deadline for %(title)s was %(deadline)s: applications are no longer taken.")
            % {"title": funding_round.title, "deadline": _deadline(funding_round)}
        )


def _check_application(application: Application) -> None:
    funding_round = application.round
    errors = {}
    if application.organisation_type not in funding_round.eligible_types:
        errors["organisation_type"] = _(
            "This round does not fund this type of organisation. It funds: %(types)s."
        ) % {"types": ", ".join(funding_round.eligible_type_labels)}
    ward = application.ward
    if ward is not None and ward.la_code != funding_round.partnership.local_authority.code:
        errors["ward"] = _("Choose a ward in %(place)s.") % {
            "place": funding_round.partnership.local_authority.name
        }
    amount = application.amount_requested_pence
    if not funding_round.min_grant_pence <= amount <= funding_round.max_grant_pence:
        errors["amount_requested_pence"] = _("Ask for between %(low)s and %(high)s.") % {
            "low": funding_round.min_grant,
            "high": funding_round.max_grant,
        }
    if errors:
        raise ValidationError(errors)


def _draft_of(application: Application, by) -> Application:
    """The application, locked, if it is this person's and still a draft."""
    application = (
        Application.objects.select_for_update().select_related("round").get(pk=application.pk)
    )
    if by is not None and application.applicant_id != by.pk:
        raise PermissionDenied
    if application.status != Application.Status.DRAFT:
        raise ValidationError(_("This application is submitted: it can no longer change."))
    return application


def open_clarification(application: Application) -> Clarification | None:
    """The clarification waiting for the applicant, if one is."""
    return application.clarifications.filter(resubmitted_at__isnull=True).first()


def reopened_questions(application: Application) -> set[int]:
    """The questions an open clarification lets the applicant change (none if there is none)."""
    found = open_clarification(application)
    return set(found.questions.values_list("pk", flat=True)) if found else set()


def save_application(
    *, funding_round: FundingRound, application: Application | None = None, by, **values
) -> Application:
    """Start an application to an open round (as its organisation's contact) or change a draft."""
    if set(values) != set(APPLICATION_FIELDS):
        raise TypeError(f"save_application takes exactly {APPLICATION_FIELDS}")
    with transaction.atomic(), acting_as(by):
        if application is None:
            application = Application(round=funding_round, applicant=by)
        else:
            application = _draft_of(application, by)
        _check_open(application.round)
        for name, value in values.items():
            setattr(application, name, value)
        _check_application(application)
        application.save()
    return application


def save_answer(*, application: Application, question: Question, text: str, by) -> Answer:
    """Answer one question of a draft application, within the question's word limit."""
    with transaction.atomic(), acting_as(by):
        application = (
            Application.objects.select_for_update().select_related("round").get(pk=application.pk)
        )
        if by is not None and application.applicant_id != by.pk:
            raise PermissionDenied
        if question.round_id != application.round_id:
            raise ValidationError(_("That question is not part of this round."))
        if application.status == Application.Status.DRAFT:
            _check_open(application.round)
        else:
            # A submitted application changes only where a clarification reopened the question.
            if question.pk not in reopened_questions(application):
                raise ValidationError(_("This application is submitted: it can no longer change."))
        words = count_words(text)
        if words == 0:
            raise ValidationError({"text": _("Enter your answer.")})
        if words > question.word_limit:
            raise ValidationError(
                {
                    "text": _(
                        "Your answer is %(words)s words: it must be %(limit)s words or fewer."
                    )
                    % {"words": words, "limit": question.word_limit}
                }
            )
        answer, _created = Answer.objects.update_or_create(
            application=application, question=question, defaults={"text": text.strip()}
        )
    return answer


def submit_application(*, application: Application, by) -> Application:
    """Send a complete draft to the round before its deadline; it cannot change after this."""
    with transaction.atomic(), acting_as(by):
        application = _draft_of(application, by)
        _check_open(application.round)
        _check_application(application)
        answered = set(application.answers.values_list("question_id", flat=True))
        missing = [q.text for q in application.round.questions.all() if q.pk not in answered]
        if missing:
            raise ValidationError(
                _("Answer every question before you submit. Still to answer: %(missing)s")
                % {"missing": "; ".join(missing)}
            )
        application.status = Application.Status.SUBMITTED
        application.submitted_at = timezone.now()
        application.save(update_fields=["status", "submitted_at"])
    return application


def check_eligibility(*, application: Application, eligible: bool, reason: str, by) -> Application:
    """The co-ordinator records whether a submitted application is eligible, and why."""
    with transaction.atomic(), acting_as(by):
        application = (
            Application.objects.select_for_update()
            .select_related("round__partnership")
            .get(pk=application.pk)
        )
        if by is not None and not has_permission(
            by, "grants.check_eligibility", application.round.partnership
        ):
            raise PermissionDenied
        if application.status != Application.Status.SUBMITTED:
            raise ValidationError(_("Only a submitted application can be checked."))
        if open_clarification(application) is not None:
            raise ValidationError(
                _("A clarification is waiting for the applicant: check it once they send it back.")
            )
        if application.round.status not in (
            FundingRound.Status.OPEN,
            FundingRound.Status.CLOSED,
        ):
            raise ValidationError(_("Eligibility is settled once the panel starts scoring."))
        if not reason.strip():
            raise ValidationError({"reason": _("Give the reason, in plain English.")})
        application.eligibility = (
            Application.Eligibility.ELIGIBLE if eligible else Application.Eligibility.INELIGIBLE
        )
        application.eligibility_reason = reason.strip()
        application.eligibility_checked_by = by
        application.eligibility_checked_at = timezone.now()
        application.save()
    return application
