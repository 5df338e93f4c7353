"""The record that a person was erased: who did it, when, and a pseudonym for the person (never
their name or email, which are gone)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ErasureRecord(models.Model):
    pseudonym = models.CharField(_("pseudonym"), max_length=40, unique=True)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    erased_at = models.DateTimeField(auto_now_add=True)
    # What was deleted and scrubbed, as counts per table: {"notifications_notification": 3}.
    summary = models.JSONField(default=dict, blank=True)

    PERSONAL_DATA = {
        "pseudonym": "not personal: a keyed hash of an account id that no longer exists",
        "erased_by": "personal: link to the staff member who erased the person",
        "erased_at": "not personal",
        "summary": "not personal (counts of rows)",
    }

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self):
        return self.pseudonym
