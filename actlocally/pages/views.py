"""The public pages: the same for everyone, signed in or not; the operator's details come from
settings (ACTLOCALLY_* environment variables)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from actlocally.accounts.sessions import idle_timeouts_in_words
from actlocally.authorization import require_permission

from . import services
from .forms import FeedbackForm
from .glossary import TERMS


def operator() -> dict:
    return {"operator": settings.ACTLOCALLY_OPERATOR}


def accessibility(request):
    return render(request, "pages/accessibility.html", operator())


def privacy(request):
    return render(request, "pages/privacy.html", operator())


def cookies(request):
    return render(
        request,
        "pages/cookies.html",
        {
            **operator(),
            # Issue 14's session limits (actlocally/accounts/sessions.py), in hours and words.
            "session_hours": settings.ACTLOCALLY_SESSION_MAX_HOURS,
            "session_idle": idle_timeouts_in_words(),
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "session_cookie": settings.SESSION_COOKIE_NAME,
        },
    )


def help_page(request):
    return render(request, "pages/help.html", operator())


def contact(request):
    return render(request, "pages/contact.html", operator())


def glossary(request):
    return render(request, "pages/glossary.html", {"terms": TERMS})


@require_http_methods(["GET", "POST"])
def feedback(request):
    require_permission(request.user, "pages.give_feedback")
    page = request.POST.get("page") or request.GET.get("from", "")
    form = FeedbackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not services.may_give_feedback(request):
            form.is_valid()
            form.add_error(
                None,
                _("A lot of feedback has been sent from here. Wait an hour, then try again."),
            )
            status = 429
        elif form.is_valid():
            services.give_feedback(**form.cleaned_data, page=page, by=request.user)
            return redirect("feedback_done")
    return render(
        request,
        "pages/feedback.html",
        {"form": form, "page": services.safe_page(page)},
        status=status,
    )


def feedback_done(request):
    return render(request, "pages/feedback_done.html")
