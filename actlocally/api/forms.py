"""The form a person makes a personal API token with, on their profile."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from actlocally.core.forms import GovUKForm

from .models import ApiToken


def lifetime_choices() -> list[tuple[str, str]]:
    days = sorted({7, 30, settings.API_TOKEN_DEFAULT_DAYS, settings.API_TOKEN_MAX_DAYS})
    return [
        (
            str(d),
            _("1 year")
            if d == 365
            else ngettext_lazy("%(count)d day", "%(count)d days", d) % {"count": d},
        )
        for d in days
        if d <= settings.API_TOKEN_MAX_DAYS
    ]


class TokenForm(GovUKForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, like 'Research partner's attendance script'."),
    )
    scope = forms.ChoiceField(
        label=_("Access"),
        choices=ApiToken.Scope.choices,
        initial=ApiToken.Scope.READ,
        widget=forms.RadioSelect,
        help_text=_("A read-only token cannot change anything. Choose this unless you need more."),
    )
    days = forms.TypedChoiceField(
        label=_("Expires after"),
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("The token stops working then. You can revoke it sooner."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = lifetime_choices()
        self.fields["days"].initial = str(settings.API_TOKEN_DEFAULT_DAYS)
