"""A round's panel: its members, their declarations of interest, their scores, and the awards
the panel agrees."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .applications import Application
from .rounds import Criterion, FundingRound, pounds

SCORE_MAX = 5


class Panellist(models.Model):
    """A community member named to a round's panel (an existing account)."""

    round = models.ForeignKey(FundingRound, on_delete=models.CASCADE, related_name="panellists")
    # Erasing a panellist keeps their declarations and scores, so a decided round's figures stand.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="grant_panels"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "round": "not personal",
        "person": "personal: who sits on the panel; kept with the round",
        "added_at": "not personal",
    }

    class Meta:
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="grants_panellist_once")
        ]

    def __str__(self):
        return f"{self.person or _('a former member')} on {self.round}"


class Declaration(models.Model):
    """A panellist's declaration, per application, of whether they have a conflict of interest.
    A conflicted panellist never sees that application's scores and their score never counts."""

    panellist = models.ForeignKey(Panellist, on_delete=models.CASCADE, related_name="declarations")
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="declarations"
    )
    conflicted = models.BooleanField(_("conflict of interest"))
    note = models.TextField(_("what the conflict is"), blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "panellist": "not personal",
        "application": "not personal",
        "conflicted": "personal: a panellist's interest; kept with the round",
        "note": "personal: a panellist's own words about their interest; kept with the round",
        "declared_at": "not personal",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["panellist", "application"], name="grants_declaration_once"
            )
        ]

    def __str__(self):
        return f"{self.panellist}: {self.application}"


class ScoreSheet(models.Model):
    """One panellist's scores for one application, submitted once: blind until then."""

    panellist = models.ForeignKey(Panellist, on_delete=models.CASCADE, related_name="sheets")
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="sheets")
    comment = models.TextField(_("comment"), blank=True)
    submitted_at = models.DateTimeField()

    PERSONAL_DATA = {
        "panellist": "not personal",
        "application": "not personal",
        "comment": "personal: a panellist's own words; kept with the round",
        "submitted_at": "not personal",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["panellist", "application"], name="grants_sheet_once")
        ]

    def __str__(self):
        return f"{self.panellist}: {self.application}"


class Score(models.Model):
    """A score from 0 to 5 against one criterion, on a score sheet."""

    sheet = models.ForeignKey(ScoreSheet, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.PositiveSmallIntegerField(_("score"))

    PERSONAL_DATA = dict.fromkeys(("sheet", "criterion", "value"), "not personal")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["sheet", "criterion"], name="grants_score_once"),
            models.CheckConstraint(
                condition=Q(value__lte=SCORE_MAX), name="grants_score_at_most_max"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.value}"


class Award(models.Model):
    """What the panel agreed to give one application: who recorded it, when and why."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="award")
    amount_pence = models.PositiveBigIntegerField(_("amount awarded"))
    reason = models.TextField(_("why"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField()
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("application", "amount_pence", "reason", "decided_at", "illustrative"), "not personal"
        ),
        "decided_by": "personal: link to a person",
    }

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(amount_pence__gt=0), name="grants_award_amount_positive"
            )
        ]

    def __str__(self):
        return f"{pounds(self.amount_pence)} to {self.application}"

    @property
    def amount(self) -> str:
        return pounds(self.amount_pence)
