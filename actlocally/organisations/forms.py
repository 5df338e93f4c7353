"""The organisation form: identifiers are checked by the model's validators and constraints."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKModelForm

from .models import Organisation
from .validators import CHARITY_MESSAGE, COMPANY_MESSAGE, URN_MESSAGE


class OrganisationForm(GovUKModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = Organisation
        fields = [
            "name",
            "sector",
            "urn",
            "charity_number",
            "company_number",
            "website",
            "description",
        ]
        widgets = {
            "sector": forms.RadioSelect,
            "urn": forms.TextInput(
                attrs={"data-extra-class": "govuk-input--width-10", "inputmode": "numeric"}
            ),
            "charity_number": forms.TextInput(attrs={"data-extra-class": "govuk-input--width-10"}),
            "company_number": forms.TextInput(attrs={"data-extra-class": "govuk-input--width-10"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        # Too long is just another malformed identifier: say what the right form is.
        error_messages = {
            "urn": {"max_length": URN_MESSAGE},
            "charity_number": {"max_length": CHARITY_MESSAGE},
            "company_number": {"max_length": COMPANY_MESSAGE},
        }

    def clean_urn(self):
        return self.cleaned_data["urn"].strip()

    def clean_charity_number(self):
        return self.cleaned_data["charity_number"].strip()

    def clean_company_number(self):
        return self.cleaned_data["company_number"].strip().upper().replace(" ", "")
