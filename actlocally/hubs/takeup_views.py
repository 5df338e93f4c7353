"""Take-up pages: hub staff record who came (counts only), and everyone who may see them reads
the counts, a chart and a CSV with small numbers suppressed (the research partner sees all)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.csv import csv_response
from actlocally.core.forms import add_errors
from actlocally.measurement.selectors import small_number_threshold

from . import takeup
from .forms import TakeUpForm
from .models import Hub, TakeUp

VIEW = "hubs.view_take_up"
RECORD = "hubs.record_take_up"
# A term of weekly sessions in four age bands is hundreds of records: the page lists the latest
# this many (a phone scrolls through them); the CSV has every one.
LATEST = 60


def _hub(request, slug, pk, permission):
    partnership = get_partnership_or_404(request.user, slug, permission)
    return partnership, get_object_or_404(Hub, pk=pk, partnership=partnership)


@login_required
def take_up(request, slug, pk):
    partnership, hub = _hub(request, slug, pk, VIEW)
    can_record = has_permission(request.user, RECORD, partnership)
    form = TakeUpForm(request.POST or None, hub=hub) if can_record else None
    if request.method == "POST":
        if form is None:
            return redirect("hubs_take_up", slug=partnership.slug, pk=hub.pk)
        if form.is_valid():
            try:
                takeup.record_take_up(hub=hub, **form.cleaned_data, by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The counts are saved."))
                return redirect("hubs_take_up", slug=partnership.slug, pk=hub.pk)
    threshold = takeup.threshold_for(request.user, partnership)
    rows = takeup.rows_of(hub, threshold)
    months = takeup.by_month(hub, threshold)
    bands = takeup.by_age_band(hub, threshold)
    return render(
        request,
        "hubs/take_up.html",
        {
            "partnership": partnership,
            "hub": hub,
            "form": form,
            "rows": rows[:LATEST],
            "row_count": len(rows),
            "months": months,
            "bands": bands,
            "threshold": small_number_threshold(),
            "sees_small_numbers": threshold is None,
            "illustrative": any(r.record.illustrative for r in rows),
        },
    )


@login_required
def take_up_chart(request, slug, pk):
    partnership, hub = _hub(request, slug, pk, VIEW)
    threshold = takeup.threshold_for(request.user, partnership)
    illustrative = hub.take_up.filter(illustrative=True).exists()
    spec = takeup.chart_spec(hub, takeup.by_month(hub, threshold), illustrative=illustrative)
    return JsonResponse(spec)


def _cell(value) -> str | int:
    return _("suppressed") if value is None else value


@login_required
def take_up_csv(request, slug, pk):
    partnership, hub = _hub(request, slug, pk, VIEW)
    threshold = takeup.threshold_for(request.user, partnership)
    rows = [
        [
            _("From"),
            _("To"),
            _("Session or service"),
            _("Age band"),
            _("From the hub school"),
            _("From a spoke school"),
            _("Total"),
        ]
    ]
    for row in takeup.rows_of(hub, threshold):
        record = row.record
        rows.append(
            [
                record.period_start.isoformat(),
                record.period_end.isoformat(),
                record.session.title if record.session else record.service.name,
                record.get_age_band_display(),
                _cell(row.hub_school),
                _cell(row.spoke_school),
                _cell(row.total),
            ]
        )
    return csv_response(f"take-up-{hub.pk}.csv", rows)


@login_required
def take_up_remove(request, slug, pk, row_pk):
    partnership, hub = _hub(request, slug, pk, RECORD)
    row = get_object_or_404(TakeUp, pk=row_pk, hub=hub)
    if request.method == "POST":
        takeup.remove_take_up(row=row, by=request.user)
        messages.success(request, _("The counts are removed."))
        return redirect("hubs_take_up", slug=partnership.slug, pk=hub.pk)
    return render(
        request,
        "hubs/confirm_remove.html",
        {
            "partnership": partnership,
            "thing": str(row.session or row.service),
            "back": hub.get_manage_url(),
            "warning": _("These counts leave the take-up figures and the chart."),
        },
    )
