"""A partnership's funding rounds: the budget, who may apply, what they are asked and how the
panel scores them. Money is held in whole pence, shown in pounds."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.partnerships.models import FocusIssue, Partnership


class OrganisationType(models.TextChoices):
    """The kinds of organisation a round may fund (the issue's eligibility rules)."""

    CHARITY = "charity", _("Registered charity")
    CIO = "cio", _("Charitable incorporated organisation (CIO)")
    COMMUNITY_GROUP = "community_group", _("Constituted community group")
    CIC = "cic", _("Community interest company (CIC)")
    SCHOOL = "school", _("School")


def pounds(pence: int | None) -> str:
    """Whole pence as people read money: £1,250 or £1,250.50."""
    if pence is None:
        return ""
    whole, part = divmod(int(pence), 100)
    return f"£{whole:,}" if part == 0 else f"£{whole:,}.{part:02d}"


class FundingRound(models.Model):
    """One round of the community budget: a sum the partnership's panel gives out in grants."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for applications")
        CLOSED = "closed", _("Closed")
        SCORING = "scoring", _("Panel scoring")
        DECIDED = "decided", _("Decided")
        PUBLISHED = "published", _("Published")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="funding_rounds"
    )
    focus_issue = models.ForeignKey(
        FocusIssue,
        on_delete=models.PROTECT,
        related_name="funding_rounds",
        verbose_name=_("focus issue"),
    )
    title = models.CharField(_("name of the round"), max_length=200)
    summary = models.TextField(
        _("what the round is for"),
        help_text=_("In plain English: what the money should change, and for whom."),
    )
    budget_pence = models.PositiveBigIntegerField(_("budget"))
    min_grant_pence = models.PositiveBigIntegerField(_("smallest grant"))
    max_grant_pence = models.PositiveBigIntegerField(_("largest grant"))
    partial_awards = models.BooleanField(
        _("partial awards allowed"),
        default=False,
        help_text=_("Whether the panel may fund part of what an organisation asks for."),
    )
    eligible_types = models.JSONField(_("who may apply"), default=list)
    opens_on = models.DateField(_("opens on"))
    closes_at = models.DateTimeField(_("deadline for applications"))
    panel_meeting_on = models.DateField(_("panel meeting"))
    decision_on = models.DateField(_("decision by"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # The agreed allocation's total, kept by services.agree_allocation in the same transaction as
    # the awards, so that the constraint below holds it within the budget.
    awarded_pence = models.PositiveBigIntegerField(default=0)
    decision_reason = models.TextField(_("why the panel decided so"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "awarded_pence",
                "decision_reason",
                "partnership",
                "focus_issue",
                "title",
                "summary",
                "budget_pence",
                "min_grant_pence",
                "max_grant_pence",
                "partial_awards",
                "eligible_types",
                "opens_on",
                "closes_at",
                "panel_meeting_on",
                "decision_on",
                "status",
                "created_at",
                "illustrative",
            ),
            "not personal",
        ),
        "created_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("funding round")
        constraints = [
            models.CheckConstraint(
                condition=Q(budget_pence__gt=0), name="funding_round_budget_positive"
            ),
            models.CheckConstraint(
                condition=Q(awarded_pence__lte=F("budget_pence")),
                name="funding_round_awards_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(min_grant_pence__gt=0) & Q(min_grant_pence__lte=F("max_grant_pence")),
                name="funding_round_grant_limits_in_order",
            ),
            models.CheckConstraint(
                condition=Q(max_grant_pence__lte=F("budget_pence")),
                name="funding_round_largest_grant_within_budget",
            ),
            models.CheckConstraint(
                condition=Q(closes_at__date__gte=F("opens_on"))
                & Q(panel_meeting_on__gte=F("closes_at__date"))
                & Q(decision_on__gte=F("panel_meeting_on")),
                name="funding_round_dates_in_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("grants_round", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    @property
    def budget(self) -> str:
        return pounds(self.budget_pence)

    @property
    def awarded(self) -> str:
        return pounds(self.awarded_pence)

    @property
    def min_grant(self) -> str:
        return pounds(self.min_grant_pence)

    @property
    def max_grant(self) -> str:
        return pounds(self.max_grant_pence)

    @property
    def eligible_type_labels(self) -> list[str]:
        labels = dict(OrganisationType.choices)
        return [str(labels[t]) for t in self.eligible_types if t in labels]


class Question(models.Model):
    """A question every applicant to the round answers, within its word limit."""

    round = models.ForeignKey(FundingRound, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.TextField(_("help for applicants"), blank=True)
    word_limit = models.PositiveSmallIntegerField(_("word limit"))

    PERSONAL_DATA = dict.fromkeys(
        ("round", "order", "text", "help_text", "word_limit"), "not personal"
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(word_limit__gt=0), name="grants_question_word_limit_positive"
            )
        ]

    def __str__(self):
        return self.text


class Criterion(models.Model):
    """What the panel scores each application on, and how much it counts."""

    round = models.ForeignKey(FundingRound, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what a high score looks like"), blank=True)
    weight = models.PositiveSmallIntegerField(
        _("weight"), help_text=_("How much it counts against the others: a whole number, 1 to 10.")
    )

    PERSONAL_DATA = dict.fromkeys(
        ("round", "order", "name", "description", "weight"), "not personal"
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(
                condition=Q(weight__gte=1) & Q(weight__lte=10),
                name="grants_criterion_weight_1_to_10",
            )
        ]

    def __str__(self):
        return self.name
