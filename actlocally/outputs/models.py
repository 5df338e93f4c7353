"""An output request (a table of statistics an analyst wants to take out of the secure
environment), the two checkers' reviews of it, and the comments between them and the author."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .disclosure import PROFILES


class OutputRequest(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for checking")
        RETURNED = "returned", _("Returned for changes")
        APPROVED = "approved", _("Approved by both checkers")
        REJECTED = "rejected", _("Rejected")
        RELEASED = "released", _("Released")

    class Source(models.TextChoices):
        ANALYSIS = "analysis", _("A named analysis")
        UPLOAD = "upload", _("Uploaded as CSV")

    project = models.ForeignKey(
        "linkage.LinkageProject", on_delete=models.PROTECT, related_name="output_requests"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what the table shows"),
        help_text=_("The population, the period and how each count was made."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="output_requests"
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    analysis = models.CharField(_("analysis"), max_length=100, blank=True)
    # The table as the analysis made it or the analyst uploaded it (see disclosure.py).
    table = models.JSONField(_("table"))
    profile = models.CharField(
        _("disclosure rules"),
        max_length=20,
        choices=[(p.key, p.name) for p in PROFILES.values()],
        default="ons-srs",
    )
    # The engine's result for `table` (CheckResult.as_json): what would be released.
    result = models.JSONField(_("disclosure check"), default=dict)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Made from synthetic data: labelled as illustrative wherever it is shown."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    released_at = models.DateTimeField(null=True, blank=True)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "project",
                "title",
                "description",
                "source",
                "analysis",
                "table",
                "profile",
                "result",
                "illustrative",
                "status",
                "submitted_at",
                "released_at",
                "created",
                "modified",
            ),
            "not personal",
        ),
        "author": "personal: link to a person",
        "released_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-modified", "-pk"]
        verbose_name = _("output request")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outputs_request", kwargs={"pk": self.pk})

    @property
    def partnership(self):
        return self.project.partnership

    def get_released_url(self):
        return reverse("outputs_released", kwargs={"pk": self.pk})


class CheckerReview(models.Model):
    """One checker's decision on one submission. Neither checker sees the other's until both
    have decided (OpenSAFELY Airlock's rule)."""

    class Decision(models.TextChoices):
        PENDING = "", _("Not decided yet")
        APPROVE = "approve", _("Approve for release")
        RETURN = "return", _("Return for changes")
        REJECT = "reject", _("Reject")

    request = models.ForeignKey(OutputRequest, on_delete=models.CASCADE, related_name="reviews")
    checker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="output_reviews"
    )
    # Which submission (a returned request is submitted again and reviewed afresh).
    round = models.PositiveSmallIntegerField(default=1)
    decision = models.CharField(
        _("decision"), max_length=10, choices=Decision.choices, blank=True, default=""
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "request": "not personal",
        "checker": "personal: link to a person",
        "round": "not personal",
        "decision": "personal: what the checker decided",
        "reason": "personal: what the checker wrote",
        "decided_at": "personal: when the checker decided",
    }

    class Meta:
        ordering = ["request", "round", "pk"]
        verbose_name = _("checker's review")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "round", "checker"], name="outputs_one_review_per_checker"
            )
        ]

    def __str__(self):
        return f"{self.request} ({self.checker})"


class OutputComment(models.Model):
    request = models.ForeignKey(OutputRequest, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="output_comments"
    )
    text = models.TextField(_("comment"))
    created = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "request": "not personal",
        "author": "personal: link to a person",
        "text": "personal: what they wrote",
        "created": "not personal",
    }

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("comment on an output")

    def __str__(self):
        return f"{self.request}: {self.text[:40]}"
