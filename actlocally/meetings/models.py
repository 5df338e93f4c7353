"""Meetings of a convening partnership: when and where, who came, the agenda, minutes, decisions;
and the secret links calendar programs subscribe to."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from actlocally.partnerships.models import Partnership


class Meeting(models.Model):
    class Kind(models.TextChoices):
        PARTNERSHIP = "partnership", _("Convening partnership meeting")
        TASK_AND_FINISH = "task_and_finish", _("Task and finish group")
        OTHER = "other", _("Other meeting")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(
        _("kind of meeting"), max_length=20, choices=Kind.choices, default=Kind.PARTNERSHIP
    )
    title = models.CharField(_("title"), max_length=200)
    focus = models.TextField(
        _("focus (optional)"),
        blank=True,
        help_text=_("What this meeting is mainly about, for the invitation and the calendar."),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    # Stable identity and revision count for calendar programs (RFC 5545 UID and SEQUENCE).
    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    sequence = models.PositiveIntegerField(default=0, editable=False)
    # When the agenda and the minutes were last sent to the members (notifications).
    agenda_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    minutes_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "agenda_published_at",
            "minutes_published_at",
            "partnership",
            "kind",
            "title",
            "focus",
            "starts_at",
            "ends_at",
            "location",
            "online_link",
            "status",
            "uid",
            "sequence",
            "created_at",
            "updated_at",
        ),
        "not personal",
    )

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.title}, {formats.date_format(timezone.localtime(self.starts_at), 'j F Y')}"

    def get_absolute_url(self):
        return reverse("meeting_detail", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    @property
    def is_upcoming(self) -> bool:
        return self.status == self.Status.SCHEDULED and self.ends_at > timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def agenda_is_open(self) -> bool:
        """The agenda can change until the meeting is held (minutes saved) or cancelled."""
        return self.status == self.Status.SCHEDULED


class Attendance(models.Model):
    class Status(models.TextChoices):
        ATTENDED = "attended", _("Attended")
        APOLOGIES = "apologies", _("Apologies")
        ABSENT = "absent", _("Absent")

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_attendance"
    )
    status = models.CharField(max_length=10, choices=Status.choices)

    PERSONAL_DATA = {
        "meeting": "not personal",
        "person": "personal: link to a person",
        "status": "personal: whether the person attended",
    }

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="attendance_once_per_person")
        ]

    def __str__(self):
        return f"{self.person}: {self.get_status_display()}"

    def get_additional_data(self):
        return {"partnership_id": self.meeting.partnership_id}


class AgendaItem(models.Model):
    """One item on a meeting's agenda: an action to review, or a free item; then its minutes."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("item"), max_length=300)
    action = models.ForeignKey(
        "actions.Action",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
    )
    minutes = models.TextField(_("minutes"), blank=True)

    PERSONAL_DATA = dict.fromkeys(
        ("meeting", "order", "title", "action", "minutes"), "not personal"
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "action"],
                condition=Q(action__isnull=False),
                name="agenda_item_action_once_per_meeting",
            )
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership_id": self.meeting.partnership_id}


class Decision(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.CASCADE, null=True, blank=True, related_name="decisions"
    )
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("decision"))

    PERSONAL_DATA = dict.fromkeys(("meeting", "agenda_item", "order", "text"), "not personal")

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    def get_additional_data(self):
        return {"partnership_id": self.meeting.partnership_id}


class CalendarFeed(models.Model):
    """A secret web address a calendar program subscribes to, for one partnership's meetings or
    for one person's. Calendar programs cannot sign in, so the token is the only key: anyone
    with the link can read the meetings (never who attends), and regenerating it shuts the old
    link."""

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="calendar_feed"
    )
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="calendar_feed",
    )
    # Kept in full, not hashed: members need to see the link again to subscribe on a new device.
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "person": "personal: link to a person",
        "token": "secret: read-only calendar link; regenerable",
        "created_at": "not personal",
    }

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=(Q(partnership__isnull=False) & Q(person__isnull=True))
                | (Q(partnership__isnull=True) & Q(person__isnull=False)),
                name="calendar_feed_for_a_partnership_or_a_person",
            )
        ]

    def __str__(self):
        return f"Calendar feed for {self.partnership or self.person}"

    def get_absolute_url(self):
        name = "partnership_calendar_feed" if self.partnership_id else "person_calendar_feed"
        return reverse(name, kwargs={"token": self.token})

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id} if self.partnership_id else {}
