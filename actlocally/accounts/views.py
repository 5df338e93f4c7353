"""A person's own profile: their details and the partnerships they belong to."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.api import views as api_views
from actlocally.core.forms import GovUKModelForm

from .models import User
from .services import update_profile


class ProfileForm(GovUKModelForm):
    class Meta:
        model = User
        fields = ["full_name", "job_title"]


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        update_profile(person=request.user, **form.cleaned_data, by=request.user)
        messages.success(request, _("Your details have been saved."))
        return redirect("profile")
    memberships = request.user.memberships.select_related("partnership", "organisation")
    context = {"form": form, "memberships": memberships}
    # API tokens (actlocally/api/views.py): their own section of the page.
    context |= api_views.profile_tokens(request)
    return api_views.protect_new_token(render(request, "accounts/profile.html", context), context)
