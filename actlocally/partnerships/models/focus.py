"""A partnership's focus issue and the outcomes it intends."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .partnerships import Partnership


class FocusIssue(models.Model):
    """The one issue a partnership tackles at one time, in its place."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAST = "past", _("Moved on")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="focus_issues"
    )
    title = models.CharField(_("focus issue"), max_length=300)
    summary = models.TextField(
        _("what the data and local people say"),
        blank=True,
        help_text=_("A few sentences on why this issue, here, now."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("moved on from it on"), null=True, blank=True)

    PERSONAL_DATA = dict.fromkeys(
        ("partnership", "title", "summary", "status", "started_on", "ended_on"), "not personal"
    )

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(status="active"),
                name="focus_issue_one_active_per_partnership",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="focus_issue_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(status="active", ended_on__isnull=True) | Q(status="past"),
                name="focus_issue_active_has_no_end",
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class IntendedOutcome(models.Model):
    focus_issue = models.ForeignKey(FocusIssue, on_delete=models.CASCADE, related_name="outcomes")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("intended outcome"))

    PERSONAL_DATA = {"focus_issue": "not personal", "order": "not personal", "text": "not personal"}

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    def get_additional_data(self):
        return {"partnership_id": self.focus_issue.partnership_id}
