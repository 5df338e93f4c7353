"""The form a co-ordinator or research partner uses to update one step of the journey."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm

from .models import Status


class StepProgressForm(GovUKForm):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices, widget=forms.RadioSelect)
    on = forms.DateField(
        label=_("Date"),
        required=False,
        widget=forms.DateInput(
            attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
        ),
        help_text=_("When it was done or started. Leave empty if you do not know."),
    )
    evidence_label = forms.CharField(
        label=_("Evidence"),
        max_length=300,
        required=False,
        help_text=_("What shows this, for example: minutes of the board meeting."),
    )
    evidence_url = forms.CharField(
        label=_("Link to the evidence (optional)"),
        max_length=500,
        required=False,
        help_text=_("A web address starting with https://, or a page here starting with /."),
    )
    note = forms.CharField(
        label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
