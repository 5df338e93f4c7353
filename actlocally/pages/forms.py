"""The feedback form (GOV.UK: two questions and an optional email address)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKModelForm

from .models import Feedback


class FeedbackForm(GovUKModelForm):
    class Meta:
        model = Feedback
        fields = ["trying_to", "how_it_went", "email"]
        widgets = {
            "trying_to": forms.Textarea(attrs={"rows": 4}),
            "how_it_went": forms.Textarea(attrs={"rows": 4}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        }
        help_texts = {
            "trying_to": _("For example, find the next meeting or rank the priorities."),
            "how_it_went": _(
                "Tell us what worked and what did not. Do not include anyone's personal details."
            ),
            "email": _("Only if you would like a reply. We use it for nothing else."),
        }
        error_messages = {
            "trying_to": {"required": _("Enter what you were trying to do")},
            "how_it_went": {"required": _("Enter how it went")},
            "email": {
                "invalid": _("Enter an email address in the correct format, like name@example.com")
            },
        }
