"""Content-Security-Policy reports: where browsers send them (Reporting-Endpoints) and the view that
logs them, so an inline script someone adds, or an injection attempt, shows in the logs."""

import json
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

logger = logging.getLogger("actlocally.csp")

# What a report says, under the names of both formats (report-uri's hyphenated, report-to's camel
# case); anything else in a report is dropped rather than logged.
FIELDS = {
    "document-uri": "document",
    "documentURL": "document",
    "violated-directive": "directive",
    "effective-directive": "directive",
    "effectiveDirective": "directive",
    "blocked-uri": "blocked",
    "blockedURL": "blocked",
    "source-file": "source",
    "sourceFile": "source",
    "line-number": "line",
    "lineNumber": "line",
    "column-number": "column",
    "columnNumber": "column",
    "disposition": "disposition",
    "script-sample": "sample",
    "sample": "sample",
}
# Only the first few reports of a batch are logged: one page load sends one per violation.
MAX_REPORTS = 10
MAX_VALUE = 300


class ReportingEndpointsMiddleware:
    """Names the report endpoint for the policy's report-to (the Reporting API needs an absolute
    address, so it is built from the request's host, which ALLOWED_HOSTS has checked)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Content-Security-Policy" in response:
            address = request.build_absolute_uri(settings.CSP_REPORT_URL)
            response.headers["Reporting-Endpoints"] = f'csp="{address}"'
        return response


def _without_query(value: str) -> str:
    # An address's query string may hold what someone searched for or a token: not for the logs.
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    if not parts.scheme:
        return value  # "inline", "eval", "self": keywords, not addresses
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _clean(value):
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    if isinstance(value, str):
        return _without_query(value)[:MAX_VALUE]
    return value


def violations(payload) -> list[dict]:
    """The violations in a report-uri body ({"csp-report": {...}}) or a report-to batch
    ([{"type": "csp-violation", "body": {...}}, ...]), each as a small dict of known fields."""
    if isinstance(payload, dict) and isinstance(payload.get("csp-report"), dict):
        bodies = [payload["csp-report"]]
    elif isinstance(payload, list):
        bodies = [
            item["body"]
            for item in payload
            if isinstance(item, dict)
            and item.get("type") == "csp-violation"
            and isinstance(item.get("body"), dict)
        ]
    else:
        return []
    found = []
    for body in bodies[:MAX_REPORTS]:
        fields = {}
        for key, name in FIELDS.items():
            value = _clean(body.get(key))
            if value not in (None, ""):
                fields.setdefault(name, value)
        if fields:
            found.append(fields)
    return found


@csrf_exempt  # browsers send reports without a CSRF token; the view only logs
def report(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    limit = settings.CSP_REPORT_MAX_BYTES
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return HttpResponse(status=400)
    if declared > limit:
        return HttpResponse(status=413)
    body = request.read(limit + 1)
    if len(body) > limit:
        return HttpResponse(status=413)
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        return HttpResponse(status=400)
    for violation in violations(payload):
        # JSON in the message: a report's text cannot start a log line of its own.
        logger.warning("CSP violation: %s", json.dumps(violation, sort_keys=True))
    return HttpResponse(status=204)
