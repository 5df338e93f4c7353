"""Extra fields asked for when a person creates their account from an invitation."""

from django import forms
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import SingleLineCharField


class SignupForm(forms.Form):
    full_name = SingleLineCharField(
        label=_("Full name"), max_length=200, help_text=_("As colleagues know you.")
    )

    def clean(self):
        cleaned = super().clean()
        # allauth checks the password against a person with only an email address; the name is
        # known only here, so the checks that compare with the person run again with it.
        password, full_name = self.data.get("password1"), cleaned.get("full_name")
        if password and full_name:
            from .models import User

            person = User(full_name=full_name, email=self.data.get("email", ""))
            personal = [
                validator
                for validator in password_validation.get_default_password_validators()
                if isinstance(validator, password_validation.UserAttributeSimilarityValidator)
            ]
            try:
                password_validation.validate_password(password, person, personal)
            except ValidationError as error:
                self.add_error("password1", error)
        return cleaned

    def signup(self, request, user):
        user.full_name = self.cleaned_data["full_name"]
        user.save(update_fields=["full_name"])
