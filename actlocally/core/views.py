"""Error pages Django cannot render with the site's layout on its own."""

from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token


@requires_csrf_token
def server_error(request):
    # No request context: its processors may need the database or session that just failed.
    template = loader.get_template("500.html")
    # The CSP nonce comes from the request itself, so the page's one inline script still runs.
    context = {"SERVICE_NAME": "Act Locally", "CSP_NONCE": getattr(request, "csp_nonce", "")}
    return HttpResponseServerError(template.render(context))


def csrf_failure(request, reason=""):
    """Django's own page is bare text; this one says what to do, in the site's layout."""
    return render(request, "403_csrf.html", status=403)
