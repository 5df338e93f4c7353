"""What the platform tells people: each notification (shown in the list, emailed as they prefer),
and each person's choice per kind: at once, in a weekly digest, or not by email."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """Every kind of notification. A new kind needs a template notifications/kinds/<kind>.txt."""

    ACTION_DUE_SOON = "action_due_soon", _("An action you own is due in a week")
    ACTION_OVERDUE = "action_overdue", _("An action you own is overdue")
    AGENDA_PUBLISHED = "agenda_published", _("A meeting’s agenda is published")
    MINUTES_PUBLISHED = "minutes_published", _("A meeting’s minutes are published")
    STATEMENT_CIRCULATED = (
        "statement_circulated",
        _("A Statement of Intent is circulated for comment"),
    )
    STATEMENT_AGREED = "statement_agreed", _("A Statement of Intent is agreed")
    PANEL_INVITATION = "panel_invitation", _("You are named to a community budget panel")
    GRANT_CLARIFICATION = (
        "grant_clarification",
        _("A community budget application of yours needs a clarification"),
    )
    OUTPUT_TO_CHECK = (
        "output_to_check",
        _("Statistics from linked records are waiting for your check"),
    )
    OUTPUT_DECIDED = (
        "output_decided",
        _("Your checkers have decided on statistics you submitted"),
    )
    # Sent to an email address, before the person has an account: always at once.
    INVITATION = "invitation", _("Invitations to join a partnership")


# Kinds a person cannot turn off: they are the only way the message can reach them.
ALWAYS_SENT = {Kind.INVITATION}
CHOOSABLE = [k for k in Kind if k not in ALWAYS_SENT]


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Email me straight away")
    DIGEST = "digest", _("Email me once a week, in a digest")
    OFF = "off", _("Do not email me (I will see it in my notifications)")


class Preference(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=40, choices=Kind.choices)
    frequency = models.CharField(max_length=10, choices=Frequency.choices)

    PERSONAL_DATA = {
        "person": "personal: link to a person; deleted with them",
        "kind": "not personal",
        "frequency": "personal: a person's choice; deleted with them",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "kind"], name="one_preference_per_kind"),
            models.CheckConstraint(
                condition=Q(frequency__in=Frequency.values), name="preference_frequency_is_known"
            ),
        ]

    def __str__(self):
        return f"{self.person_id} {self.kind}: {self.frequency}"


class Notification(models.Model):
    class Delivery(models.TextChoices):
        IMMEDIATE = "immediate", _("By email at once")
        DIGEST = "digest", _("In the weekly digest")
        NONE = "none", _("Not emailed")

    # A person with an account, or only an email address (an invitation).
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
    )
    email = models.EmailField(blank=True)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    url = models.CharField(max_length=500, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices)
    # Stops the same reminder twice: one notification per recipient, kind and key.
    once_key = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    read_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "recipient": "personal: link to a person; read notifications purged after RETENTION_DAYS",
        "email": "personal: an invitee's address; the body is erased once the email is sent",
        "kind": "not personal",
        "subject": "not personal (names a partnership, a meeting or an action)",
        "body": "personal: addressed to the person; purged with the notification",
        "url": "not personal",
        "delivery": "not personal",
        "once_key": "not personal",
        "created_at": "not personal",
        "emailed_at": "not personal",
        "read_at": "not personal",
    }

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "once_key"],
                condition=~Q(once_key="") & Q(recipient__isnull=False),
                name="notification_sent_once_per_key",
            ),
            models.CheckConstraint(
                condition=Q(recipient__isnull=False) | ~Q(email=""),
                name="notification_has_a_recipient",
            ),
        ]
        indexes = [models.Index(fields=["recipient", "read_at"])]

    def __str__(self):
        return self.subject

    @property
    def address(self) -> str:
        return self.recipient.email if self.recipient_id else self.email
