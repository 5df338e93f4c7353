"""The sign-in form: allauth's, with "remember me" in the service's words.

Its own module: allauth's forms module imports actlocally.accounts.forms (the sign-up form), so
that module cannot import allauth's forms in turn.
"""

from allauth.account import forms as allauth_forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class LoginForm(allauth_forms.LoginForm):
    """Privileged people are never remembered, ticked or not (actlocally/accounts/sessions.py)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "remember" in self.fields:
            self.fields["remember"].label = _("Keep me signed in on this device")
            self.fields["remember"].help_text = _(
                "Only on a device no one else uses, for up to %(hours)s hours. Site staff, board "
                "members, backbone staff, research partners and co-ordinators are always signed "
                "out when they close the browser."
            ) % {"hours": settings.ACTLOCALLY_SESSION_MAX_HOURS}
