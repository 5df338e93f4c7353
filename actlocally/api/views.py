"""The pages where a person makes, sees and revokes their personal API tokens (from their
profile). The API's own endpoints live in each app's `api.py`."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.core.forms import add_errors

from . import selectors, services
from .forms import TokenForm
from .profile import NEW_TOKEN_SESSION_KEY


@login_required
def token_create(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            token, secret = services.create_token(
                person=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["days"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            request.session[NEW_TOKEN_SESSION_KEY] = {"id": token.pk, "secret": secret}
            return redirect("profile")
    return render(request, "api/token_form.html", {"form": form})


@login_required
def token_revoke(request, pk: int):
    token = selectors.token_of(request.user, pk)
    if token is None or token.is_revoked:
        raise Http404
    if request.method == "POST":
        services.revoke_token(token=token, by=request.user)
        messages.success(
            request, _("The token “%(name)s” has been revoked.") % {"name": token.name}
        )
        return redirect("profile")
    return render(request, "api/token_revoke.html", {"token": token})
