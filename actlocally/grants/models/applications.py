"""Applications to a funding round and their answers to its questions."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.places.models import Ward

from .rounds import FundingRound, OrganisationType, Question, pounds


def count_words(text: str) -> int:
    """Words as a reader counts them: runs of characters between spaces or line breaks."""
    return len((text or "").split())


class Application(models.Model):
    """An organisation's application to a round, written by its contact (a signed-in person)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    class Eligibility(models.TextChoices):
        UNCHECKED = "unchecked", _("Not checked yet")
        ELIGIBLE = "eligible", _("Eligible")
        INELIGIBLE = "ineligible", _("Not eligible")

    round = models.ForeignKey(FundingRound, on_delete=models.CASCADE, related_name="applications")
    # The application is the organisation's and its award is published (360Giving): erasing the
    # person who wrote it keeps it, attributed to a former member.
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="grant_applications",
    )
    organisation_name = models.CharField(_("name of your organisation"), max_length=200)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=OrganisationType.choices
    )
    charity_number = models.CharField(_("charity number"), max_length=10, blank=True)
    company_number = models.CharField(_("Companies House number"), max_length=8, blank=True)
    project_title = models.CharField(_("name of your project"), max_length=200)
    # Where the children and families it helps live: 360Giving's beneficiary location.
    ward = models.ForeignKey(
        Ward,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("ward where the work happens"),
    )
    amount_requested_pence = models.PositiveBigIntegerField(_("amount you are asking for"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    eligibility = models.CharField(
        max_length=10, choices=Eligibility.choices, default=Eligibility.UNCHECKED
    )
    eligibility_reason = models.TextField(_("reason"), blank=True)
    eligibility_checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    eligibility_checked_at = models.DateTimeField(null=True, blank=True)
    feedback = models.TextField(
        _("feedback"), blank=True, help_text=_("What the panel tells an unsuccessful applicant.")
    )
    created_at = models.DateTimeField(auto_now_add=True)
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "round",
                "organisation_name",
                "organisation_type",
                "charity_number",
                "company_number",
                "project_title",
                "ward",
                "amount_requested_pence",
                "status",
                "submitted_at",
                "eligibility",
                "eligibility_reason",
                "eligibility_checked_at",
                "feedback",
                "created_at",
                "illustrative",
            ),
            "not personal",
        ),
        "applicant": "personal: link to the organisation's contact; kept with the round",
        "eligibility_checked_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["round", "submitted_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_requested_pence__gt=0),
                name="grants_application_amount_positive",
            ),
            models.CheckConstraint(
                condition=Q(status="draft", submitted_at__isnull=True)
                | Q(status="submitted", submitted_at__isnull=False),
                name="grants_application_submitted_has_time",
            ),
            models.CheckConstraint(
                condition=Q(eligibility="unchecked") | Q(status="submitted"),
                name="grants_application_checked_only_when_submitted",
            ),
        ]

    def __str__(self):
        return f"{self.project_title} ({self.organisation_name})"

    def get_absolute_url(self):
        return reverse("grants_application", kwargs={"pk": self.pk})

    @property
    def partnership(self):
        """The round's partnership: what the permission table's partnership roles look at."""
        return self.round.partnership

    @property
    def amount_requested(self) -> str:
        return pounds(self.amount_requested_pence)


class Answer(models.Model):
    """An application's answer to one of the round's questions."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))

    PERSONAL_DATA = {
        "application": "not personal",
        "question": "not personal",
        "text": "not personal: an organisation's answer (applicants are asked not to name "
        "children or families)",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "question"], name="grants_answer_one_per_question"
            )
        ]

    def __str__(self):
        return f"{self.application}: {self.question}"

    @property
    def words(self) -> int:
        return count_words(self.text)
