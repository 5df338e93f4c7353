"""Who sits in a partnership, in what role, and the invitations that bring people in."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation

from .partnerships import Partnership
from .roles import Role


class Membership(models.Model):
    """A person's seat in a convening partnership, and the role they play in it."""

    # One enumeration (.roles) for memberships, invitations and the permission table.
    Role = Role

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("representing"),
    )
    joined_on = models.DateField(_("joined on"), default=datetime.date.today)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "person": "personal: link to a person",
        "role": "personal: role in the partnership",
        "organisation": "not personal",
        "joined_on": "personal: membership history",
    }

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "person"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.partnership}"

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Invitation(models.Model):
    """A one-time link, sent by email, to join a partnership with a given role."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("representing"),
    )
    # Only a hash is kept: the link in the email is the sole copy of the token.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = {
        "partnership": "not personal",
        "email": "personal: contact; deleted 90 days after the invitation ends",
        "full_name": "personal: identity; deleted 90 days after the invitation ends",
        "role": "not personal",
        "organisation": "not personal",
        "token_hash": "secret: hash of the one-time token",
        "invited_by": "personal: link to a person",
        "created_at": "not personal",
        "expires_at": "not personal",
        "accepted_at": "not personal",
        "accepted_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email} to {self.partnership}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}
