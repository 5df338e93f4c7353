"""After the decision: each award's grant agreement, its planned and made payments, and the
grantee's monitoring reports (spend, people reached, what changed, linked to the partnership's
intended outcomes)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from actlocally.partnerships.models import IntendedOutcome

from .panel import Award
from .rounds import pounds


class Agreement(models.Model):
    """The grant agreement the partnership and the grantee sign for one award."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="agreement")
    starts_on = models.DateField(_("the work starts on"))
    ends_on = models.DateField(_("the work ends on"))
    conditions = models.TextField(
        _("conditions of the grant"),
        help_text=_("What the money is for, what the grantee reports and when."),
    )
    signed_on = models.DateField(_("signed on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("award", "starts_on", "ends_on", "conditions", "signed_on", "recorded_at"),
            "not personal",
        ),
        "recorded_by": "personal: link to a person",
    }

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="grants_agreement_dates_in_order"
            )
        ]

    def __str__(self):
        return f"Agreement for {self.award}"


class Payment(models.Model):
    """A payment of an award: planned (due on a date) and, once made, when. The payments of an
    award never add up to more than it (checked by the service)."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="payments")
    amount_pence = models.PositiveBigIntegerField(_("amount"))
    due_on = models.DateField(_("due on"))
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("award", "amount_pence", "due_on", "paid_on", "illustrative"), "not personal"
        ),
        "recorded_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["award", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gt=0), name="grants_payment_amount_positive"
            )
        ]

    def __str__(self):
        return f"{pounds(self.amount_pence)} of {self.award}"

    @property
    def amount(self) -> str:
        return pounds(self.amount_pence)


class GranteeReport(models.Model):
    """The grantee's monitoring report: what was spent, how many people it reached, what changed
    and one story, linked to the intended outcomes the work served."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="reports")
    period_end = models.DateField(_("the report covers the work up to"))
    spend_pence = models.PositiveBigIntegerField(_("spent so far"))
    people_reached = models.PositiveIntegerField(_("children, young people and adults reached"))
    narrative = models.TextField(_("what happened"))
    case_study = models.TextField(
        _("a case study"),
        help_text=_("One example of the difference it made. Do not name children or families."),
    )
    outcomes = models.ManyToManyField(
        IntendedOutcome, related_name="grantee_reports", verbose_name=_("intended outcomes")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField()
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "award",
                "period_end",
                "spend_pence",
                "people_reached",
                "narrative",
                "outcomes",
                "submitted_at",
                "illustrative",
            ),
            "not personal",
        ),
        "case_study": "possibly personal: a story of the work (grantees are asked not to name "
        "anyone); kept with the award",
        "submitted_by": "personal: link to the grantee's contact",
    }

    class Meta:
        ordering = ["award", "-period_end", "pk"]

    def __str__(self):
        return f"Report on {self.award} to {self.period_end}"

    @property
    def spend(self) -> str:
        return pounds(self.spend_pence)
