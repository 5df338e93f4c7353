"""A person's own profile: their details, the partnerships they belong to, and which emails
they get."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from actlocally.api import profile as api_profile
from actlocally.core.forms import GovUKModelForm
from actlocally.notifications import selectors as notification_selectors
from actlocally.notifications import services as notification_services
from actlocally.notifications.forms import PreferencesForm

from . import services
from .mfa import has_mfa
from .models import User
from .services import update_profile


class ProfileForm(GovUKModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title"]


@login_required
def profile(request):
    # Two forms on one page: each button says which one was sent.
    sent_preferences = request.method == "POST" and "save_notifications" in request.POST
    sent_details = request.method == "POST" and not sent_preferences
    form = ProfileForm(request.POST if sent_details else None, instance=request.user)
    preferences = PreferencesForm(
        request.POST if sent_preferences else None,
        current=notification_selectors.preferences_of(request.user),
        prefix="notifications",
    )
    if sent_details and form.is_valid():
        update_profile(person=request.user, **form.cleaned_data, by=request.user)
        messages.success(request, _("Your details have been saved."))
        return redirect("profile")
    if sent_preferences and preferences.is_valid():
        notification_services.set_preferences(
            person=request.user, frequencies=preferences.frequencies(), by=request.user
        )
        messages.success(request, _("Your email settings have been saved."))
        return redirect("profile")
    memberships = request.user.memberships.select_related("partnership", "organisation")
    context = {
        "form": form,
        "preferences": preferences,
        "memberships": memberships,
        "has_mfa": has_mfa(request.user),
    }
    # API tokens (actlocally/api/profile.py): their own section of the page.
    context |= api_profile.profile_tokens(request)
    return api_profile.protect_new_token(render(request, "accounts/profile.html", context), context)


@login_required
@require_POST
def sign_out_everywhere(request):
    """Ends this person's sessions on every other device and browser; this one stays."""
    ended = services.sign_out_everywhere(
        person=request.user, session=request.session, by=request.user
    )
    if ended is None:
        message = _("You have been signed out of every other device.")
    elif ended == 0:
        message = _("You were not signed in on any other device. You still are on this one.")
    else:
        message = ngettext(
            "You have been signed out of %(count)d other device.",
            "You have been signed out of %(count)d other devices.",
            ended,
        ) % {"count": ended}
    messages.success(request, message)
    return redirect("profile")
