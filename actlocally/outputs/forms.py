"""Forms of output checking: what a person typed is checked here; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm

from .disclosure import PROFILES
from .models import CheckerReview


class UploadForm(GovUKForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What the table shows"),
        help_text=_("The population, the period and how each count was made."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
    )
    file = forms.FileField(
        label=_("The table, as CSV"),
        help_text=_(
            "The first line names the columns; the first columns label the rows and the rest "
            "are counts. Totals are recomputed, so leave them out."
        ),
    )
    label_columns = forms.IntegerField(
        label=_("How many of the first columns are labels"), min_value=0, max_value=5, initial=1
    )
    profile = forms.ChoiceField(
        label=_("Disclosure rules"),
        choices=[(p.key, f"{p.name}: {p.rule}") for p in PROFILES.values()],
        initial="ons-srs",
        widget=forms.RadioSelect,
    )


class ReviseForm(GovUKForm):
    file = forms.FileField(label=_("The changed table, as CSV"))
    label_columns = forms.IntegerField(
        label=_("How many of the first columns are labels"), min_value=0, max_value=5, initial=1
    )


class SubmitForm(GovUKForm):
    checkers = forms.ModelMultipleChoiceField(
        label=_("Choose two checkers"),
        help_text=_("They review it independently; you cannot choose yourself."),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, checkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["checkers"].queryset = checkers
        self.fields["checkers"].label_from_instance = lambda person: person.display_name

    def clean_checkers(self):
        chosen = list(self.cleaned_data["checkers"])
        if len(chosen) != 2:
            raise forms.ValidationError(_("Choose two checkers."))
        return chosen


class DecisionForm(GovUKForm):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[c for c in CheckerReview.Decision.choices if c[0]],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Needed to return or reject: what should change, or why it cannot leave."),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=5000,
    )


class CommentForm(GovUKForm):
    text = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class IndicatorForm(GovUKForm):
    indicator = forms.ChoiceField(label=_("Indicator"))
    numerator = forms.ChoiceField(label=_("Column that is the indicator's numerator (or count)"))
    denominator = forms.ChoiceField(
        label=_("Column that is its denominator (optional)"), required=False
    )
    period = forms.CharField(
        label=_("Period"), help_text=_("As the indicator counts periods, for example 2023/24.")
    )

    def __init__(self, *args, indicators, columns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [
            ("", _("Choose an indicator")),
            *[(str(c.pk), c.indicator.name) for c in indicators],
        ]
        self.fields["numerator"].choices = [("", _("Choose a column")), *[(c, c) for c in columns]]
        self.fields["denominator"].choices = [("", _("None")), *[(c, c) for c in columns]]
