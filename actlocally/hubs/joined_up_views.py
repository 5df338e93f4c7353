"""The page for referrals between a hub's services (counts only, optional per hub): the hub lead
and co-ordinator record them; they and the research partner read them by from→to pair with
small numbers suppressed (the research partner sees all)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.csv import csv_response
from actlocally.core.forms import add_errors
from actlocally.measurement.selectors import small_number_threshold

from . import joined_up, takeup
from .forms import ServiceReferralCountForm
from .models import Hub, ServiceReferralCount

VIEW = "hubs.view_service_referrals"
RECORD = "hubs.record_service_referrals"


def _hub(request, slug, pk, permission):
    partnership = get_partnership_or_404(request.user, slug, permission)
    return partnership, get_object_or_404(Hub, pk=pk, partnership=partnership)


@login_required
def service_referrals(request, slug, pk):
    partnership, hub = _hub(request, slug, pk, VIEW)
    services = joined_up.services_at(hub)
    can_record = hub.records_service_referrals and has_permission(request.user, RECORD, partnership)
    form = ServiceReferralCountForm(request.POST or None, services=services) if can_record else None
    if request.method == "POST":
        if form is None:
            return redirect("hubs_service_referrals", slug=partnership.slug, pk=hub.pk)
        if form.is_valid():
            try:
                joined_up.record_service_referrals(hub=hub, **form.cleaned_data, by=request.user)
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("The referral counts are saved."))
                return redirect("hubs_service_referrals", slug=partnership.slug, pk=hub.pk)
    threshold = takeup.threshold_for(request.user, partnership)
    rows = joined_up.rows_of(hub, threshold)
    return render(
        request,
        "hubs/service_referrals.html",
        {
            "partnership": partnership,
            "hub": hub,
            "form": form,
            "has_services": services.exists(),
            "pairs": joined_up.pairs_of(hub, threshold),
            "rows": rows,
            "threshold": small_number_threshold(),
            "sees_small_numbers": threshold is None,
            "can_change_hub": has_permission(request.user, "hubs.manage_hubs", partnership),
            "illustrative": any(r.record.illustrative for r in rows),
        },
    )


@login_required
def service_referrals_remove(request, slug, pk, row_pk):
    partnership, hub = _hub(request, slug, pk, RECORD)
    row = get_object_or_404(ServiceReferralCount, pk=row_pk, hub=hub)
    if request.method == "POST":
        joined_up.remove_service_referrals(row=row, by=request.user)
        messages.success(request, _("The referral counts are removed."))
        return redirect("hubs_service_referrals", slug=partnership.slug, pk=hub.pk)
    return render(
        request,
        "hubs/confirm_remove.html",
        {
            "partnership": partnership,
            "thing": f"{row.from_service.name} → {row.to_service.name}, {row.on:%d %b %Y}",
            "back": hub.get_manage_url(),
            "warning": _("These counts leave the hub's referral figures."),
        },
    )


@login_required
def service_referrals_csv(request, slug, pk):
    partnership, hub = _hub(request, slug, pk, VIEW)
    threshold = takeup.threshold_for(request.user, partnership)
    rows = [
        [_("Date"), _("From service"), _("To service"), _("About"), _("Outcome"), _("Referrals")]
    ]
    for row in joined_up.rows_of(hub, threshold):
        record = row.record
        rows.append(
            [
                record.on.isoformat(),
                record.from_service.name,
                record.to_service.name,
                record.get_reason_display(),
                record.get_outcome_display(),
                _("suppressed") if row.count is None else row.count,
            ]
        )
    return csv_response(f"service-referrals-{hub.pk}.csv", rows)
