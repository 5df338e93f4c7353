"""The theory of change form: one box per line in each column, and the outcomes it leads to."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, style_widgets
from actlocally.partnerships.models import IntendedOutcome


def _lines(label, help_text):
    return forms.CharField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class OutcomeChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.order}. {obj.text}"


class TheoryForm(GovUKForm):
    summary = forms.CharField(
        label=_("The change we want to see (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    inputs = _lines(
        _("Inputs"),
        _("What we put in: people, time, money, data, buildings. One per line."),
    )
    activities = _lines(_("Activities"), _("What we do with them. One per line."))
    outputs = _lines(
        _("Outputs"),
        _(
            "What the activities produce, that can be counted: sessions run, kits given out. One per line."
        ),
    )
    intended_outcomes = None  # set in __init__
    other_outcomes = _lines(
        _("Other outcomes (optional)"),
        _("Any further outcome in words, for example a short-term one. One per line."),
    )
    impact = _lines(
        _("Impact"), _("The long-term difference for children and young people. One per line.")
    )
    assumptions = _lines(
        _("Assumptions"), _("What must hold true for the chain to work. One per line.")
    )

    def __init__(self, *args, focus_issue, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["intended_outcomes"] = OutcomeChoices(
            label=_("Outcomes: which intended outcomes does it lead to?"),
            queryset=IntendedOutcome.objects.filter(focus_issue=focus_issue),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Actions linked to these outcomes appear under them in the diagram."),
        )
        self.order_fields(
            [
                "summary",
                "inputs",
                "activities",
                "outputs",
                "intended_outcomes",
                "other_outcomes",
                "impact",
                "assumptions",
            ]
        )
        style_widgets(self)

    def clean(self):
        data = super().clean()
        for name in ("inputs", "activities", "outputs", "other_outcomes", "impact", "assumptions"):
            data[name] = (data.get(name) or "").splitlines()
        return data
