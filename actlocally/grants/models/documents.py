"""What travels with an application besides its answers: documents the applicant attaches, and
the co-ordinator's requests for clarification, which reopen only the questions they name."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage
from .applications import Application
from .rounds import Question


def _attachment_path(instance, filename: str) -> str:
    # A random name: the applicant's file name is kept as text, never used as a path.
    return f"grants/{instance.application_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    """A document attached to an application (a PDF, Word, Excel or image file), kept in private
    storage and served only to the applicant, the co-ordinator and unconflicted panellists."""

    class Kind(models.TextChoices):
        PDF = "pdf", "PDF"
        DOCX = "docx", _("Word document")
        XLSX = "xlsx", _("Excel spreadsheet")
        PNG = "png", _("PNG image")
        JPEG = "jpeg", _("JPEG image")

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to=_attachment_path, max_length=200)
    name = models.CharField(_("file name"), max_length=200)
    kind = models.CharField(max_length=5, choices=Kind.choices)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(("application", "name", "kind", "size", "uploaded_at"), "not personal"),
        "file": "possibly personal: an organisation's document, which may name people; kept with "
        "the application",
        "uploaded_by": "personal: link to the organisation's contact; kept with the application",
    }

    class Meta:
        ordering = ["application", "uploaded_at", "pk"]

    def __str__(self):
        return self.name


class Clarification(models.Model):
    """The co-ordinator's request, while checking eligibility, that the applicant clarify some
    answers: only the questions named reopen, and the applicant resubmits."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="clarifications"
    )
    questions = models.ManyToManyField(Question, related_name="+")
    message = models.TextField(_("what to clarify"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    requested_at = models.DateTimeField()
    resubmitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resubmitted_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("application", "questions", "message", "requested_at", "resubmitted_at"),
            "not personal",
        ),
        "requested_by": "personal: link to a person",
        "resubmitted_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["application", "requested_at", "pk"]
        constraints = [
            # One open request at a time: the applicant answers it before another is asked.
            models.UniqueConstraint(
                fields=["application"],
                condition=models.Q(resubmitted_at__isnull=True),
                name="grants_clarification_one_open",
            )
        ]

    def __str__(self):
        return f"Clarification of {self.application}"

    @property
    def is_open(self) -> bool:
        return self.resubmitted_at is None
