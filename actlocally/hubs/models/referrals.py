"""Referrals: a school asks a service in the local offer to see a family. Only a reference the
school keeps (never a name), the need and the service; the provider moves it through its states."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import Partnership

from .offer import Service, TaxonomyTerm


class ReferralStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    ACCEPTED = "accepted", _("Accepted")
    SEEN = "seen", _("Seen")
    DECLINED = "declined", _("Declined")


# Its moves (received → accepted → seen, or declined) are declared in hubs/workflow.py.
CLOSED = (ReferralStatus.SEEN, ReferralStatus.DECLINED)


class Referral(models.Model):
    """A school's referral of a child or family to a service. `reference` is the school's own
    reference (it finds the child in its own records); nothing here names anyone."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="referrals")
    school = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="referrals_made",
        verbose_name=_("referring school"),
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="referrals", verbose_name=_("service")
    )
    reference = models.CharField(_("school's reference"), max_length=40)
    need = models.ForeignKey(
        TaxonomyTerm,
        on_delete=models.PROTECT,
        related_name="referrals",
        verbose_name=_("need"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReferralStatus.choices,
        default=ReferralStatus.RECEIVED,
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    made_at = models.DateTimeField(auto_now_add=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "school": "not personal",
        "service": "not personal",
        "reference": "personal: a pseudonymous reference to a child at the school",
        "need": "personal: the need a child was referred for (with the reference)",
        "status": "personal: where the child's referral has got to",
        "made_by": "personal: who made the referral (an account)",
        "made_at": "not personal",
        "status_changed_at": "not personal",
    }

    class Meta:
        ordering = ["-made_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["school", "service", "reference"], name="referral_unique_reference"
            )
        ]

    def __str__(self):
        return self.reference
