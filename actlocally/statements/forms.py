"""Forms for Statement of Intent pages: one row form per section of the document (each turns a
row of the stored document into fields and back), the workflow and the recommendations tracker."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm
from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import DatePrecision

from .document import MAX_ROWS
from .evidence import choices_for
from .models import Comment, Recommendation

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)
SHORT = {"data-extra-class": "govuk-input--width-10"}


class IntroductionForm(GovUKForm):
    introduction = forms.CharField(
        label=_("The problem locally, in a few paragraphs"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Why this issue, here, now. One paragraph per line."),
    )


class RowForm(GovUKForm):
    """A row of a list section. `initial_from` and `to_row` convert to and from the document."""

    def __init__(self, *args, partnership=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership

    @classmethod
    def initial_from(cls, row: dict) -> dict:
        return dict(row)

    def to_row(self) -> dict:
        return dict(self.cleaned_data)


class FactForm(RowForm):
    value = forms.CharField(
        label=_("Figure (optional)"),
        required=False,
        max_length=60,
        widget=forms.TextInput(attrs=SHORT),
        help_text=_("For example, 8.2% or over half."),
    )
    text = forms.CharField(
        label=_("What it tells us"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=300)
    year = forms.IntegerField(
        label=_("Year (optional)"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"data-extra-class": "govuk-input--width-4"}),
    )


class ChartForm(RowForm):
    title = forms.CharField(label=_("Chart title"), max_length=200)
    unit = forms.CharField(
        label=_("Unit (optional)"),
        required=False,
        max_length=20,
        widget=forms.TextInput(attrs={"data-extra-class": "govuk-input--width-5"}),
        help_text=_("Shown after each number, for example %."),
    )
    points = forms.CharField(
        label=_("Numbers"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: a label, a comma, then the number. For example: Keighley, 8.2"),
    )
    source = forms.CharField(label=_("Source"), required=False, max_length=300)
    year = forms.IntegerField(
        label=_("Year (optional)"),
        required=False,
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"data-extra-class": "govuk-input--width-4"}),
    )
    illustrative = forms.BooleanField(
        label=_("These numbers are illustrative, not real data"), required=False
    )

    @classmethod
    def initial_from(cls, row: dict) -> dict:
        # Plain numbers here (no thousands commas): the comma separates label from number.
        points = "\n".join(f"{p['label']}, {p['value']:g}" for p in row["points"])
        return {**row, "points": points}

    def clean_points(self):
        points = []
        for number, line in enumerate(self.cleaned_data["points"].splitlines(), start=1):
            if not line.strip():
                continue
            label, _sep, value = line.rpartition(",")
            value = value.strip().replace("%", "")
            try:
                parsed = float(value)
            except ValueError:
                raise forms.ValidationError(
                    _("Line %(n)s: put a comma, then a number, after the label.") % {"n": number}
                ) from None
            if not label.strip():
                raise forms.ValidationError(
                    _("Line %(n)s: give the number a label.") % {"n": number}
                )
            points.append({"label": label.strip(), "value": parsed})
        if not points:
            raise forms.ValidationError(_("Enter at least one number."))
        return points


class QuoteForm(RowForm):
    text = forms.CharField(
        label=_("Quote"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    source = forms.CharField(
        label=_("Who said it, and where"),
        max_length=300,
        help_text=_(
            "A role and a place, never a name. For example: parent, Keighley Food Conversation."
        ),
    )
    consent = forms.CharField(
        label=_("Consent"),
        required=False,
        max_length=300,
        help_text=_("For example: consent given to quote without a name, 12 October 2024."),
    )
    illustrative = forms.BooleanField(
        label=_("This is an illustrative quote, not a real one"), required=False
    )


class OrganisationChoiceMixin:
    @staticmethod
    def organisation_field(label, *, required: bool):
        return forms.ModelChoiceField(
            label=label,
            queryset=Organisation.objects.order_by("name"),
            required=required,
            empty_label=_("Choose an organisation"),
        )


class ActionForm(RowForm):
    text = forms.CharField(
        label=_("Action"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )
    lead_id = OrganisationChoiceMixin.organisation_field(
        _("Lead organisation (optional)"), required=False
    )

    def to_row(self) -> dict:
        lead = self.cleaned_data["lead_id"]
        return {
            "text": self.cleaned_data["text"],
            "lead": lead.name if lead else "",
            "lead_id": lead.pk if lead else None,
        }


class OutcomeForm(RowForm):
    text = forms.CharField(
        label=_("Outcome"), widget=forms.Textarea(attrs={"rows": 2}), max_length=1000
    )


class RecommendationRowForm(RowForm):
    key = forms.CharField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Recommendation"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    to_id = OrganisationChoiceMixin.organisation_field(_("To which commissioner"), required=True)
    to_id.error_messages["required"] = _("Select the commissioner it is for")
    illustrative = forms.BooleanField(
        label=_("Illustrative: inferred, not taken from the agreed source"), required=False
    )

    def to_row(self) -> dict:
        to = self.cleaned_data["to_id"]
        return {
            "key": self.cleaned_data["key"],
            "text": self.cleaned_data["text"],
            "to": to.name,
            "to_id": to.pk,
            "illustrative": self.cleaned_data["illustrative"],
        }


class IndicatorRowForm(RowForm):
    """An indicator the partnership measures, embedded with its latest figure and chart."""

    evidence = forms.ChoiceField(
        label=_("Indicator"),
        error_messages={"required": _("Select the indicator to embed")},
    )
    note = forms.CharField(
        label=_("What it tells us (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=1000,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence"].choices = [
            ("", _("Choose an indicator")),
            *choices_for(self.partnership),
        ]

    def to_row(self) -> dict:
        value = self.cleaned_data["evidence"]
        return {
            "evidence": value,
            "title": dict(self.fields["evidence"].choices)[value],
            "note": self.cleaned_data["note"],
        }


ROW_FORMS: dict[str, type[RowForm]] = {
    "facts": FactForm,
    "charts": ChartForm,
    "indicators": IndicatorRowForm,
    "quotes": QuoteForm,
    "actions": ActionForm,
    "outcomes": OutcomeForm,
    "recommendations": RecommendationRowForm,
}


def row_formset(section: str):
    return forms.formset_factory(
        ROW_FORMS[section], extra=1, can_delete=True, max_num=MAX_ROWS, validate_max=True
    )


class AgreeForm(GovUKForm):
    agreed_on = forms.DateField(label=_("Date it was agreed"), widget=DATE_WIDGET)
    agreed_on_precision = forms.ChoiceField(
        label=_("Show the date as"),
        choices=[(DatePrecision.DAY, _("Day")), (DatePrecision.MONTH, _("Month and year"))],
        initial=DatePrecision.DAY,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select how to show the date")},
    )
    agreed_by_whom = forms.CharField(
        label=_("Who agreed it"),
        max_length=300,
        help_text=_("For example: the convening partnership at its meeting on 24 November 2023."),
    )


class SendForm(GovUKForm):
    recommendations = forms.ModelMultipleChoiceField(
        label=_("Which recommendations were sent"),
        queryset=Recommendation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Select the recommendations that were sent")},
    )
    sent_on = forms.DateField(
        label=_("Date they were sent"), widget=DATE_WIDGET, initial=timezone.localdate
    )

    def __init__(self, *args, queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendations"].queryset = queryset
        self.fields["recommendations"].label_from_instance = lambda r: (
            f"{r.key}: {r.text} ({r.commissioner})"
        )


class ResponseForm(GovUKForm):
    status = forms.ChoiceField(
        label=_("What did the commissioner say?"),
        choices=[(s.value, s.label) for s in Recommendation.RESPONSES],
        widget=forms.RadioSelect,
        # A question cannot be turned into an instruction by rule (core/forms.py).
        error_messages={"required": _("Select what the commissioner said")},
    )
    response = forms.CharField(
        label=_("Their response"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
        help_text=_("In their words, or a short summary of what they said or wrote."),
    )
    responded_on = forms.DateField(
        label=_("Date of the response"), widget=DATE_WIDGET, initial=timezone.localdate
    )


class CommentForm(GovUKForm):
    section = forms.ChoiceField(
        label=_("Which section is your comment about?"),
        choices=Comment.SECTIONS,
        widget=forms.RadioSelect,
        error_messages={"required": _("Select the section you are commenting on")},
    )
    text = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=2000,
        help_text=_(
            "What should change, and why. Members of the partnership will see it with your name."
        ),
        error_messages={"required": _("Enter your comment")},
    )
