"""Actions in a partnership's action plan, and the dated progress notes their owners add."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import FocusIssue, IntendedOutcome, Partnership


class Status(models.TextChoices):
    """What the owner says. "Overdue" is not stored: it is derived from the due date."""

    NOT_STARTED = "not_started", _("Not started")
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


CLOSED = (Status.DONE, Status.DROPPED)
OVERDUE = "overdue"
OVERDUE_LABEL = _("Overdue")


class ActionQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=CLOSED)

    def overdue(self, today: datetime.date | None = None):
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def with_display_status(self, status: str, today: datetime.date | None = None):
        """Filter by what the page shows: overdue wins over the stored status of an open action."""
        today = today or timezone.localdate()
        if status == OVERDUE:
            return self.overdue(today)
        if status in CLOSED:
            return self.filter(status=status)
        return self.filter(status=status).exclude(due_on__lt=today)


class Action(models.Model):
    """Something an organisation agreed to do for the focus issue, with one person answerable."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="actions")
    focus_issue = models.ForeignKey(
        FocusIssue,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("focus issue"),
    )
    outcome = models.ForeignKey(
        IntendedOutcome,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actions",
        verbose_name=_("intended outcome it works towards"),
    )
    title = models.CharField(_("action"), max_length=300)
    description = models.TextField(_("what it involves"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_actions",
        verbose_name=_("owner"),
    )
    owner_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    due_on = models.DateField(_("due by"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    # Set when the action was agreed in a meeting's minutes: the action links back to it.
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="new_actions",
        verbose_name=_("agreed at"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "focus_issue": "not personal",
        "outcome": "not personal",
        "title": "not personal",
        "description": "not personal (owners are asked not to name children or families)",
        "owner": "personal: link to a person; kept while the partnership keeps the action",
        "owner_organisation": "not personal",
        "due_on": "not personal",
        "status": "not personal",
        "meeting": "not personal",
        "created_by": "personal: link to a person",
        "created_at": "not personal",
        "updated_at": "not personal",
    }

    objects = ActionQuerySet.as_manager()

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="action_status_is_known"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("action_detail", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return (
            self.is_open
            and self.due_on is not None
            and self.due_on < (today or timezone.localdate())
        )

    @property
    def display_status(self) -> str:
        return OVERDUE if self.is_overdue() else self.status

    @property
    def display_status_label(self) -> str:
        return str(OVERDUE_LABEL) if self.is_overdue() else self.get_status_display()


class ProgressNote(models.Model):
    """A dated line in an action's log. Notes are only ever added, never changed or removed,
    so the log is a faithful record of what was said when."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="notes")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)
    text = models.TextField(_("progress"), blank=True)
    status_before = models.CharField(max_length=20, choices=Status.choices, blank=True)
    status_after = models.CharField(max_length=20, choices=Status.choices, blank=True)

    PERSONAL_DATA = {
        "action": "not personal",
        "written_by": "personal: link to a person",
        "written_at": "not personal",
        "text": "not personal (owners are asked not to name children or families)",
        "status_before": "not personal",
        "status_after": "not personal",
    }

    class Meta:
        ordering = ["-written_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(text="") | ~Q(status_after=""), name="progress_note_says_something"
            ),
        ]

    def __str__(self):
        return self.text or self.get_status_after_display()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Progress notes cannot be changed once written."))
        super().save(*args, **kwargs)

    def get_additional_data(self):
        return {"partnership_id": self.action.partnership_id}

    @property
    def changed_status(self) -> bool:
        return bool(self.status_after) and self.status_after != self.status_before
