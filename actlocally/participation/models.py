"""Abstract bases for a feature's own code and guest tables: each feature keeps its rows in its
own tables (symposia_joincode, symposia_guest …), with these fields and rules in common."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

NAME_LIMIT = 80


class AccessCode(models.Model):
    """A short code shown to people in a room (or sent in a link) that lets them take part
    until it expires. The concrete model adds what the code is for (a symposium, a panel)."""

    code = models.CharField(max_length=8, unique=True)
    expires_at = models.DateTimeField(_("expires at"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "code": "secret: short-lived; useless once it expires",
        "expires_at": "not personal",
        "created_by": "personal: link to a person",
        "created_at": "not personal",
    }

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def __str__(self):
        return self.code

    def is_valid(self, now: datetime.datetime | None = None) -> bool:
        return self.expires_at > (now or timezone.now())


class GuestBase(models.Model):
    """Someone taking part from their own device without an account. The device's token lives
    only in its session cookie; only its hash is kept. The name is optional and erased on a
    schedule (services.register_erasure); consent records which notice they were shown."""

    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    display_name = models.CharField(_("name"), max_length=NAME_LIMIT, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)
    # The notice the guest agreed to by joining (services.Notice.key), and when.
    consent_notice = models.CharField(max_length=40, blank=True, default="", editable=False)
    consented_at = models.DateTimeField(null=True, blank=True, editable=False)

    PERSONAL_DATA = {
        "token_hash": "secret: hash of the device token kept in the session cookie",
        "display_name": "personal: optional name the guest typed; erased on the feature's schedule",
        "joined_at": "not personal",
        "consent_notice": "not personal: which privacy notice they agreed to",
        "consented_at": "not personal: when they agreed to it",
    }

    class Meta:
        abstract = True
        ordering = ["joined_at"]
