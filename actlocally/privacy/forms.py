"""The forms of the privacy pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm


class FindPersonForm(GovUKForm):
    q = forms.CharField(label=_("Name or email address"), max_length=200, required=False)


class EraseForm(GovUKForm):
    """The staff member types the person's email address: a deliberate act, not a slip."""

    confirm_email = forms.CharField(label=_("Type their email address to confirm"), max_length=254)

    def __init__(self, *args, person, **kwargs):
        self.person = person
        super().__init__(*args, **kwargs)

    def clean_confirm_email(self):
        typed = self.cleaned_data["confirm_email"].strip()
        if typed.lower() != self.person.email.lower():
            raise forms.ValidationError(
                _("Enter the email address of the person you are erasing, exactly as shown")
            )
        return typed
