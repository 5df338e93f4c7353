"""Extra fields asked for when a person creates their account from an invitation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import SingleLineCharField


class SignupForm(forms.Form):
    full_name = SingleLineCharField(
        label=_("Full name"), max_length=200, help_text=_("As colleagues know you.")
    )

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])
