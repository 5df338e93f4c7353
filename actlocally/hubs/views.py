"""Pages of the local offer: the partnership's services (to add, change and publish them) and
the public directory on the area's pages, with its printable handout."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.authorization.checks import require_permission
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate
from actlocally.measurement.selectors import small_number_threshold
from actlocally.partnerships import selectors as partnership_selectors

from . import directory, ical, selectors, services, takeup, timetable
from .forms import DAYS, DirectorySearchForm, HolidayForm, ServiceForm, SessionForm
from .models import HolidayPeriod, Hub, Service

MANAGE = "hubs.manage_services"
UPDATE = "hubs.update_service"
# Results on one page of the directory (and one printed handout).
PER_PAGE = 20


@login_required
def service_list(request, slug):
    partnership = get_partnership_or_404(request.user, slug)
    listed = list(selectors.services_of(partnership).prefetch_related("terms"))
    return render(
        request,
        "hubs/services.html",
        {
            "partnership": partnership,
            "services": listed,
            "can_manage": has_permission(request.user, MANAGE, partnership),
            "can_update": {s.pk for s in listed if has_permission(request.user, UPDATE, s)},
            "hubs": selectors.hubs_of(partnership),
            "can_manage_hubs": has_permission(request.user, "hubs.manage_hubs", partnership),
            "can_view_take_up": has_permission(request.user, "hubs.view_take_up", partnership),
            "can_manage_holidays": has_permission(
                request.user, "hubs.manage_holidays", partnership
            ),
        },
    )


@login_required
def service_new(request, slug):
    partnership = get_partnership_or_404(request.user, slug, MANAGE)
    form = ServiceForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        service = services.add_service(
            partnership=partnership,
            values=form.values(),
            terms=list(form.cleaned_data["terms"]),
            languages=form.cleaned_data["languages"],
            location=form.cleaned_data["location"],
            by=request.user,
        )
        messages.success(
            request,
            _("“%(name)s” is saved. Publish it to show it in the directory.")
            % {"name": service.name},
        )
        return redirect("hubs_services", slug=partnership.slug)
    return render(request, "hubs/service_form.html", {"partnership": partnership, "form": form})


def _service(request, slug, pk) -> tuple:
    partnership = get_partnership_or_404(request.user, slug)
    service = get_object_or_404(Service, pk=pk, partnership=partnership)
    return partnership, service


@login_required
def service_edit(request, slug, pk):
    partnership, service = _service(request, slug, pk)
    require_permission(request.user, UPDATE, service)
    can_publish = has_permission(request.user, MANAGE, partnership)
    form = ServiceForm(
        request.POST or None,
        instance=service,
        partnership=partnership,
        can_choose_provider=can_publish,
    )
    if request.method == "POST" and form.is_valid():
        services.change_service(
            service=service,
            values=form.values(),
            terms=list(form.cleaned_data["terms"]),
            languages=form.cleaned_data["languages"],
            location=form.cleaned_data["location"],
            by=request.user,
        )
        messages.success(request, _("“%(name)s” is saved.") % {"name": service.name})
        return redirect("hubs_services", slug=partnership.slug)
    return render(
        request,
        "hubs/service_form.html",
        {
            "partnership": partnership,
            "form": form,
            "service": service,
            "can_publish": can_publish,
        },
    )


@login_required
@require_POST
def service_publish(request, slug, pk):
    partnership, service = _service(request, slug, pk)
    require_permission(request.user, MANAGE, partnership)
    publish = request.POST.get("published") == "yes"
    services.set_published(service=service, published=publish, by=request.user)
    if publish:
        text = _("“%(name)s” is published: it is in the public directory.")
    else:
        text = _("“%(name)s” is no longer in the public directory.")
    messages.success(request, text % {"name": service.name})
    return redirect("hubs_services", slug=partnership.slug)


@login_required
def session_new(request, slug, pk):
    partnership = get_partnership_or_404(request.user, slug, MANAGE)
    hub = get_object_or_404(Hub, pk=pk, partnership=partnership)
    form = SessionForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_session(hub=hub, **form.cleaned_data, by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(title)s” is on the hub's timetable.") % {"title": form.cleaned_data["title"]},
            )
            return redirect("hub", slug=partnership.slug, pk=hub.pk)
    return render(
        request, "hubs/session_form.html", {"partnership": partnership, "hub": hub, "form": form}
    )


@login_required
def holidays(request, slug):
    partnership = get_partnership_or_404(request.user, slug, "hubs.manage_holidays")
    form = HolidayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_holiday(
                local_authority=partnership.local_authority, **form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The holiday is added: sessions skip it."))
            return redirect("hubs_holidays", slug=partnership.slug)
    return render(
        request,
        "hubs/holidays.html",
        {
            "partnership": partnership,
            "form": form,
            "holidays": selectors.holidays_of(partnership),
        },
    )


@login_required
@require_POST
def holiday_remove(request, slug, pk):
    partnership = get_partnership_or_404(request.user, slug, "hubs.manage_holidays")
    holiday = get_object_or_404(
        HolidayPeriod, pk=pk, local_authority_id=partnership.local_authority_id
    )
    services.remove_holiday(holiday=holiday, by=request.user)
    messages.success(request, _("The holiday is removed."))
    return redirect("hubs_holidays", slug=partnership.slug)


# Public pages -----------------------------------------------------------------------------------


def _directory(request, slug) -> dict:
    partnership = partnership_selectors.public_area(slug)
    if partnership is None:
        raise Http404
    places = directory.places_of(partnership)
    form = DirectorySearchForm(
        request.GET or None,
        needs=directory.needs(),
        languages=directory.languages_of(partnership),
        places=[(p.key, p.name) for p in places],
    )
    filters = form.cleaned_data if form.is_valid() else {}
    near = next((p for p in places if p.key == filters.get("near")), None)
    ids, distances = directory.search(
        partnership,
        need=filters.get("need", ""),
        age=filters.get("age"),
        day=filters.get("day", ""),
        cost=filters.get("cost", ""),
        language=filters.get("language", ""),
        near=near,
    )
    pagination = paginate(request, ids, per_page=PER_PAGE)
    pagination.items = directory.found(pagination.items, distances)
    found = pagination.items
    return {
        "partnership": partnership,
        "form": form,
        "found": found,
        "pagination": pagination,
        "near": near,
        "day_names": dict(DAYS),
        "illustrative": any(f.service.illustrative for f in found),
        "has_places": bool(places),
        "hubs": selectors.hubs_of(partnership),
    }


def local_offer(request, slug):
    return render(request, "hubs/directory.html", _directory(request, slug))


def local_offer_geojson(request, slug):
    """The directory's results (this page of them, with the same filters) as points for the
    area's map, and the school or neighbourhood distances are measured from. Names are data
    for the map to set as text (places/map.js), never markup."""
    context = _directory(request, slug)
    features = []
    for f in context["found"]:
        for at in f.service.service_at_locations.all():
            location = at.location
            if location.latitude is None or location.longitude is None:
                continue
            features.append(
                _point(
                    location.longitude,
                    location.latitude,
                    {"kind": "service", "name": f.service.name, "detail": location.name},
                )
            )
    near = context["near"]
    if near is not None:
        features.append(_point(near.point[1], near.point[0], {"kind": "school", "name": near.name}))
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
    )


def _point(longitude: float, latitude: float, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": properties,
    }


def local_offer_handout(request, slug):
    return render(request, "hubs/handout.html", _directory(request, slug))


def _public_hub(slug, pk):
    partnership = partnership_selectors.public_area(slug)
    hub = selectors.public_hub(partnership, pk) if partnership else None
    if hub is None:
        raise Http404
    return partnership, hub


def hub(request, slug, pk):
    partnership, hub = _public_hub(slug, pk)
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    sessions = selectors.hub_sessions(hub)
    holidays = selectors.holidays_of(partnership)
    return render(
        request,
        "hubs/hub.html",
        {
            "partnership": partnership,
            "hub": hub,
            "week": timetable.between(sessions, holidays, monday, monday + datetime.timedelta(6)),
            "monday": monday,
            "sessions": sessions,
            "holiday_now": next((h for h in holidays if h.covers(today)), None),
            "days": selectors.public_one_stop_days(hub, since=today),
            "reach": takeup.by_month(hub, small_number_threshold())[-6:],
            "threshold": small_number_threshold(),
        },
    )


def hub_calendar(request, slug, pk):
    partnership, hub = _public_hub(slug, pk)
    body = ical.calendar_for(
        hub,
        selectors.hub_sessions(hub),
        selectors.holidays_of(partnership),
        base_url=request.build_absolute_uri("/"),
        days=selectors.public_one_stop_days(
            hub, since=timezone.localdate() - datetime.timedelta(365)
        ),
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="hub.ics"'
    return response
