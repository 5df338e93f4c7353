"""A theory of change: if we put in these inputs and do these activities, producing these outputs,
then these outcomes follow, and so this impact, provided these assumptions hold."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actlocally.partnerships.models import FocusIssue, IntendedOutcome, Partnership


class Kind(models.TextChoices):
    INPUT = "input", _("Inputs")
    ACTIVITY = "activity", _("Activities")
    OUTPUT = "output", _("Outputs")
    OUTCOME = "outcome", _("Outcomes")
    IMPACT = "impact", _("Impact")
    ASSUMPTION = "assumption", _("Assumptions")


# The chain the diagram draws, left to right; assumptions sit underneath it.
CHAIN = [Kind.INPUT, Kind.ACTIVITY, Kind.OUTPUT, Kind.OUTCOME, Kind.IMPACT]
HINTS = {
    Kind.INPUT: _("What we put in"),
    Kind.ACTIVITY: _("What we do"),
    Kind.OUTPUT: _("What we produce"),
    Kind.OUTCOME: _("What changes for children and families"),
    Kind.IMPACT: _("The long-term difference"),
    Kind.ASSUMPTION: _("What must hold true"),
}


class TheoryOfChange(models.Model):
    """One per focus issue: how the partnership expects its work to change things."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="theories_of_change"
    )
    focus_issue = models.OneToOneField(
        FocusIssue, on_delete=models.CASCADE, related_name="theory_of_change"
    )
    summary = models.TextField(
        _("the change we want to see (optional)"),
        blank=True,
        help_text=_("In a sentence or two, for the top of the diagram."),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "focus_issue": "not personal",
        "summary": "not personal",
        "updated_by": "personal: link to a person",
        "updated_at": "not personal",
    }

    def __str__(self):
        return f"Theory of change: {self.focus_issue}"

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Element(models.Model):
    """One box of the diagram. An outcome may be one of the focus issue's intended outcomes:
    then it shows that outcome's words, and what other apps link to it (actions, indicators)."""

    theory = models.ForeignKey(TheoryOfChange, on_delete=models.CASCADE, related_name="elements")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(blank=True)
    intended_outcome = models.ForeignKey(
        IntendedOutcome,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="theory_elements",
    )

    PERSONAL_DATA = dict.fromkeys(
        ("theory", "kind", "order", "text", "intended_outcome"), "not personal"
    )

    class Meta:
        ordering = ["kind", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(intended_outcome__isnull=True) | Q(kind="outcome"),
                name="theory_element_only_outcomes_link_to_intended_outcomes",
            ),
            models.CheckConstraint(
                condition=~Q(text="") | Q(intended_outcome__isnull=False),
                name="theory_element_says_something",
            ),
            models.UniqueConstraint(
                fields=["theory", "intended_outcome"],
                condition=Q(intended_outcome__isnull=False),
                name="theory_element_intended_outcome_once",
            ),
        ]

    def __str__(self):
        return self.display_text

    @property
    def display_text(self) -> str:
        return self.intended_outcome.text if self.intended_outcome_id else self.text

    def get_additional_data(self):
        return {"partnership_id": self.theory.partnership_id}
