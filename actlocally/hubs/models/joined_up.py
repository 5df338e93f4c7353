"""Referrals between the services at a hub, as counts only (optional per hub): from which
service to which, when, why and what came of it, to show whether co-location joins services up.
Nothing here names or points to a family."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .offer import Service
from .timetable import Hub


class ReasonCategory(models.TextChoices):
    # In the words hub staff use; kept short so the form stays quick to fill in.
    HEALTH = "health", _("Physical health")
    TEETH = "teeth", _("Teeth and oral health")
    FEELINGS = "feelings", _("Feelings and mental health")
    FOOD = "food", _("Food and money worries")
    PARENTING = "parenting", _("Parenting and family life")
    SEND = "send", _("Special educational needs")
    SAFETY = "safety", _("Staying safe")
    OTHER = "other", _("Something else")


class Outcome(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    WAITING = "waiting", _("Waiting")
    NOT_KNOWN = "not-known", _("Not known")


class ServiceReferralCount(models.Model):
    """How many referrals one service at a hub made to another on a day, for one reason, with
    one outcome. A count, never a family."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="service_referrals")
    from_service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="+", verbose_name=_("from service")
    )
    to_service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="+", verbose_name=_("to service")
    )
    on = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=12, choices=ReasonCategory.choices)
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    count = models.PositiveIntegerField(_("number of referrals"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "hub",
                "from_service",
                "to_service",
                "on",
                "reason",
                "outcome",
                "count",
                "recorded_at",
                "illustrative",
            ),
            "not personal: aggregate counts",
        ),
        "recorded_by": "personal: who recorded the counts (an account)",
    }

    class Meta:
        ordering = ["-on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_service=models.F("to_service")),
                name="service_referral_between_two_services",
            ),
            models.CheckConstraint(
                condition=models.Q(count__gte=1), name="service_referral_count_positive"
            ),
        ]

    def __str__(self):
        return f"{self.on} {self.reason} ×{self.count}"
