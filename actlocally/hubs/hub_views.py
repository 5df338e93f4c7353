"""Pages for the hub lead and co-ordinator to run a hub: the hub and its spoke schools, its
timetabled sessions and its one-stop-shop days (add, change, remove)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.forms import add_errors
from actlocally.measurement.selectors import small_number_threshold

from . import joined_up, selectors, services, takeup
from .forms import HubForm, OneStopDayForm, SessionForm
from .models import Hub, OneStopShopDay, Session

MANAGE_HUBS = "hubs.manage_hubs"


def _hub(request, slug, pk, permission=MANAGE_HUBS):
    partnership = get_partnership_or_404(request.user, slug, permission)
    return partnership, get_object_or_404(Hub, pk=pk, partnership=partnership)


@login_required
def hub_new(request, slug):
    partnership = get_partnership_or_404(request.user, slug, MANAGE_HUBS)
    form = HubForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        hub = services.add_hub(partnership=partnership, **form.cleaned_data, by=request.user)
        messages.success(request, _("“%(name)s” is added.") % {"name": hub.name})
        return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return render(request, "hubs/hub_form.html", {"partnership": partnership, "form": form})


@login_required
def hub_manage(request, slug, pk):
    """The hub's own page for those who run it: spokes, sessions, one-stop-shop days, take-up."""
    partnership, hub = _hub(request, slug, pk)
    hub = selectors.public_hub(partnership, hub.pk)
    sessions = list(hub.sessions.select_related("service", "location").order_by("first_on", "pk"))
    return render(
        request,
        "hubs/hub_manage.html",
        {
            "partnership": partnership,
            "hub": hub,
            "sessions": sessions,
            "days": selectors.one_stop_days(hub),
            "unrecorded": takeup.unrecorded_sessions(hub, sessions),
            "can_record": has_permission(request.user, "hubs.record_take_up", partnership),
            "referral_pairs": joined_up.pairs_of(
                hub, takeup.threshold_for(request.user, partnership)
            )
            if hub.records_service_referrals
            else [],
            "threshold": small_number_threshold(),
        },
    )


@login_required
def hub_edit(request, slug, pk):
    partnership, hub = _hub(request, slug, pk)
    initial = {
        "name": hub.name,
        "school": hub.school_id,
        "spokes": list(hub.spokes.values_list("pk", flat=True)),
        "description": hub.description,
        "records_service_referrals": hub.records_service_referrals,
    }
    form = HubForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.change_hub(hub=hub, **form.cleaned_data, by=request.user)
        messages.success(request, _("“%(name)s” is saved.") % {"name": hub.name})
        return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return render(
        request, "hubs/hub_form.html", {"partnership": partnership, "form": form, "hub": hub}
    )


def _confirm(request, *, partnership, thing: str, back: str, warning: str):
    return render(
        request,
        "hubs/confirm_remove.html",
        {"partnership": partnership, "thing": thing, "back": back, "warning": warning},
    )


@login_required
def hub_remove(request, slug, pk):
    partnership, hub = _hub(request, slug, pk)
    if request.method == "POST":
        services.remove_hub(hub=hub, by=request.user)
        messages.success(request, _("“%(name)s” is removed.") % {"name": hub.name})
        return redirect("hubs_services", slug=partnership.slug)
    return _confirm(
        request,
        partnership=partnership,
        thing=hub.name,
        back=hub.get_manage_url(),
        warning=_(
            "Its timetable, one-stop-shop days and take-up go with it. The services stay in the "
            "local offer."
        ),
    )


@login_required
def session_edit(request, slug, pk, session_pk):
    partnership, hub = _hub(request, slug, pk)
    session = get_object_or_404(Session, pk=session_pk, hub=hub)
    initial = {
        "title": session.title,
        "service": session.service_id,
        "first_on": session.first_on,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "rrule": session.rrule,
        "skips_holidays": session.skips_holidays,
    }
    form = SessionForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_session(session=session, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(title)s” is saved.") % {"title": session.title})
            return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return render(
        request,
        "hubs/session_form.html",
        {"partnership": partnership, "hub": hub, "form": form, "session": session},
    )


@login_required
def session_remove(request, slug, pk, session_pk):
    partnership, hub = _hub(request, slug, pk)
    session = get_object_or_404(Session, pk=session_pk, hub=hub)
    if request.method == "POST":
        services.remove_session(session=session, by=request.user)
        messages.success(request, _("“%(title)s” is off the timetable.") % {"title": session.title})
        return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return _confirm(
        request,
        partnership=partnership,
        thing=session.title,
        back=hub.get_manage_url(),
        warning=_("It leaves the hub's page and calendar. Take-up already recorded stays."),
    )


def _day_values(form) -> dict:
    data = dict(form.cleaned_data)
    data["services"] = list(data["services"])
    return data


@login_required
def day_new(request, slug, pk):
    partnership, hub = _hub(request, slug, pk)
    form = OneStopDayForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            day = services.add_one_stop_day(hub=hub, **_day_values(form), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(title)s” is on the hub's page.") % {"title": day.title})
            return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return render(
        request, "hubs/day_form.html", {"partnership": partnership, "hub": hub, "form": form}
    )


@login_required
def day_edit(request, slug, pk, day_pk):
    partnership, hub = _hub(request, slug, pk)
    day = get_object_or_404(OneStopShopDay, pk=day_pk, hub=hub)
    initial = {
        "title": day.title,
        "on": day.on,
        "starts_at": day.starts_at,
        "ends_at": day.ends_at,
        "location": day.location_id,
        "services": list(day.services.values_list("pk", flat=True)),
        "description": day.description,
    }
    form = OneStopDayForm(request.POST or None, initial=initial, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.change_one_stop_day(day=day, **_day_values(form), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("“%(title)s” is saved.") % {"title": day.title})
            return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return render(
        request,
        "hubs/day_form.html",
        {"partnership": partnership, "hub": hub, "form": form, "day": day},
    )


@login_required
def day_remove(request, slug, pk, day_pk):
    partnership, hub = _hub(request, slug, pk)
    day = get_object_or_404(OneStopShopDay, pk=day_pk, hub=hub)
    if request.method == "POST":
        services.remove_one_stop_day(day=day, by=request.user)
        messages.success(request, _("“%(title)s” is removed.") % {"title": day.title})
        return redirect("hubs_hub_manage", slug=partnership.slug, pk=hub.pk)
    return _confirm(
        request,
        partnership=partnership,
        thing=day.title,
        back=hub.get_manage_url(),
        warning=_("It leaves the hub's page, the directory and the calendar."),
    )
