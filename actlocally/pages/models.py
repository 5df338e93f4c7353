"""Feedback people leave through the phase banner's link."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Feedback(models.Model):
    trying_to = models.TextField(_("What were you trying to do?"), max_length=1200)
    how_it_went = models.TextField(_("How did it go?"), max_length=1200)
    email = models.EmailField(_("Email address (optional)"), blank=True)
    # The page the person came from, so a problem can be found again; a local path only.
    page = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "trying_to": "may be personal (free text); deleted after 12 months",
        "how_it_went": "may be personal (free text); deleted after 12 months",
        "email": "personal: given only to be answered; deleted after 12 months",
        "page": "not personal",
        "created_at": "not personal",
    }

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "feedback"

    def __str__(self):
        return f"Feedback of {self.created_at:%d %b %Y %H:%M}"
