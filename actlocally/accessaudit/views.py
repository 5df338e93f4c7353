"""The data guardian's pages: the access audit, searched, and its CSV. Reading and exporting the
audit are themselves recorded in it."""

from datetime import UTC

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import require_permission
from actlocally.core.csv import csv_response, writer
from actlocally.core.pagination import paginate

from . import selectors
from .forms import SearchForm
from .models import Kind
from .services import record_view

CSV_HEADER = [
    "when (UTC)",
    "who",
    "who (email)",
    "what",
    "record",
    "record type",
    "record id",
    "partnership",
    "reason",
    "request id",
]


def _search(request):
    """The form, and the search to run (None while the form has mistakes)."""
    form = SearchForm(request.GET or None)
    if not request.GET:
        return form, selectors.Search()
    return form, form.search() if form.is_valid() else None


@login_required
def events(request):
    require_permission(request.user, "accessaudit.view_access_events")
    form, search = _search(request)
    entries = paginate(request, selectors.events(search)) if search is not None else None
    if search is not None:
        record_view(request, Kind.ACCESS_AUDIT, label=_("Searched: %s") % search.describe())
    return render(
        request,
        "accessaudit/events.html",
        {"form": form, "entries": entries, "query": request.GET.urlencode()},
    )


@login_required
def events_csv(request):
    require_permission(request.user, "accessaudit.export_access_events")
    _form, search = _search(request)
    if search is None:
        # The page never links to a CSV of a search with mistakes; show the page's answer.
        return events(request)
    record_view(request, Kind.EXPORT, label=_("Access audit CSV: %s") % search.describe())
    response = csv_response(f"access-audit-{timezone.localdate():%Y-%m-%d}.csv")
    out = writer(response)
    out.writerow(CSV_HEADER)
    for e in selectors.events(search).iterator(chunk_size=2000):
        out.writerow(
            [
                e.at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),
                e.who,
                e.person.email if e.person_id else "",
                e.get_kind_display(),
                e.object_label,
                e.object_type.model if e.object_type_id else "",
                e.object_id,
                e.partnership.name if e.partnership_id else "",
                e.reason,
                e.request_id,
            ]
        )
    return response
