"""Documents attached to an application, and clarification requests: the co-ordinator names the
questions to clarify, only those reopen, and the applicant sends the application again."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify

from .. import files
from ..models import Application, Attachment, Clarification, FundingRound
from .applications import _check_open, _draft_of, open_clarification

CHECKING = (FundingRound.Status.OPEN, FundingRound.Status.CLOSED)


def attach(*, application: Application, uploaded, by) -> Attachment:
    """Attach a document to a draft application, once its content shows it is what its name
    says and it is within the size limit; kept in private storage."""
    kind = files.kind_of(uploaded)
    with transaction.atomic(), acting_as(by):
        application = _draft_of(application, by)
        _check_open(application.round)
        if application.attachments.count() >= settings.GRANTS_ATTACHMENTS_PER_APPLICATION:
            raise ValidationError(
                {
                    "file": _("An application can have at most %(n)s documents: remove one first.")
                    % {"n": settings.GRANTS_ATTACHMENTS_PER_APPLICATION}
                }
            )
        attachment = Attachment(
            application=application,
            name=(uploaded.name or "document")[-200:],
            kind=kind,
            size=uploaded.size,
            uploaded_by=by,
        )
        attachment.file.save("upload", uploaded, save=False)
        # A file whose row is not written is not kept either.
        try:
            attachment.save()
        except Exception:
            attachment.file.delete(save=False)
            raise
    return attachment


def remove_attachment(*, attachment: Attachment, by) -> None:
    """Take a document off a draft application, and delete its file."""
    with transaction.atomic(), acting_as(by):
        _draft_of(attachment.application, by)
        # storage.delete_file_with_row removes the file once this commits.
        attachment.delete()


def request_clarification(
    *, application: Application, question_ids: list[int], message: str, by
) -> Clarification:
    """The co-ordinator, checking eligibility, asks the applicant to clarify the answers to the
    questions named: those reopen, the rest stay as submitted; the applicant is told."""
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
            raise ValidationError(_("Only a submitted application can be clarified."))
        if application.round.status not in CHECKING:
            raise ValidationError(_("Clarifications are asked before the panel starts scoring."))
        if application.eligibility != Application.Eligibility.UNCHECKED:
            raise ValidationError(_("The eligibility of this application is already recorded."))
        if open_clarification(application) is not None:
            raise ValidationError(_("A clarification is already waiting for the applicant."))
        questions = list(application.round.questions.filter(pk__in=question_ids))
        if not questions or len(questions) != len(set(question_ids)):
            raise ValidationError({"questions": _("Choose the questions to clarify.")})
        if not message.strip():
            raise ValidationError({"message": _("Say what the applicant should clarify.")})
        clarification = Clarification.objects.create(
            application=application,
            message=message.strip(),
            requested_by=by,
            requested_at=timezone.now(),
        )
        clarification.questions.set(questions)
        if application.applicant is not None:
            notify(
                kind=Kind.GRANT_CLARIFICATION,
                recipients=[application.applicant],
                subject=_("Please clarify your application: %(project)s")
                % {"project": application.project_title},
                context={"application": application, "clarification": clarification},
                url=reverse("grants_application", kwargs={"pk": application.pk}),
                by=by,
            )
    return clarification


def resubmit(*, application: Application, by) -> Clarification:
    """The applicant sends the clarified application back; the request records who and when."""
    with transaction.atomic(), acting_as(by):
        application = Application.objects.select_for_update().get(pk=application.pk)
        if by is not None and application.applicant_id != by.pk:
            raise PermissionDenied
        clarification = open_clarification(application)
        if clarification is None:
            raise ValidationError(_("No clarification is waiting for this application."))
        clarification.resubmitted_by = by
        clarification.resubmitted_at = timezone.now()
        clarification.save(update_fields=["resubmitted_by", "resubmitted_at"])
    return clarification
