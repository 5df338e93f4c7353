"""A partnership's area pages: its profile, the quoted release, its definition and its asset map."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate
from actlocally.partnerships.models import Partnership

from .. import selectors, services
from ..forms import (
    NEWEST,
    AssetForm,
    ClusterForm,
    LsoasForm,
    ReleaseForm,
    WardsForm,
)
from ..models import LSOA, Asset, FocusArea, Ward
from ..selectors.maps import _feature
from .deprivation import _can_import


@login_required
def area_profile(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.view_area")
    asked = request.GET.get("release")
    quoted = selectors.quoted_release(p)
    release = selectors.choose_release(asked) if asked else quoted
    profile = selectors.area_profile(p, release)
    return render(
        request,
        "places/area_profile.html",
        {
            "partnership": p,
            "profile": profile,
            "release": release,
            "quoted": quoted,
            "release_reason": selectors.release_reason(release, asked, p),
            "releases": selectors.releases(),
            "facts": selectors.facts_from_profile(profile),
            "can_define": has_permission(request.user, "places.define_area", p),
            "release_form": ReleaseForm(releases=selectors.releases(), initial=_quoted_initial(p)),
        },
    )


def _quoted_initial(p) -> dict:
    area = FocusArea.objects.filter(partnership=p).first()
    return {"release": area.release.key if area and area.release else NEWEST}


@login_required
def area_release(request, slug):
    """The co-ordinator chooses which release the partnership quotes."""
    p = get_partnership_or_404(request.user, slug, "places.define_area")
    releases = selectors.releases()
    form = ReleaseForm(request.POST or None, releases=releases, initial=_quoted_initial(p))
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["release"]
        try:
            services.set_quoted_release(
                partnership=p,
                release=next((r for r in releases if r.key == key and key != NEWEST), None),
                by=request.user,
            )
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(
                request,
                _("The partnership now quotes %(release)s.") % {"release": key}
                if key != NEWEST
                else _("The partnership now quotes the newest release."),
            )
            return redirect("area_profile", slug=p.slug)
    return render(request, "places/area_release.html", {"partnership": p, "form": form})


@login_required
def area_define(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.define_area")
    asked = request.GET.get("release") or request.POST.get("release")
    release = selectors.choose_release(asked) if asked else selectors.quoted_release(p)
    if release is None:
        return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
    la = p.local_authority.code
    geography = release.geography
    wards = list(
        Ward.objects.filter(la_code=la, lsoas__geography=geography).distinct().order_by("name")
    )
    clusters = selectors.clusters(release, la)
    lsoas = list(
        LSOA.objects.filter(geography=geography, la_code=la)
        .order_by("ward__name", "code")
        .values_list("pk", "code", "name", "ward__name")
    )
    current = FocusArea.objects.filter(partnership=p).first()
    method = request.POST.get("method")
    forms_ = {
        "wards": WardsForm(request.POST if method == "wards" else None, wards=wards, prefix="w"),
        "suggestion": ClusterForm(
            request.POST if method == "suggestion" else None, clusters=clusters, prefix="c"
        ),
        "map": LsoasForm(
            request.POST if method == "map" else None,
            lsoas=lsoas,
            prefix="l",
            initial={
                "lsoas": [str(pk) for pk in current.lsoas.values_list("pk", flat=True)]
                if current and current.geography == geography
                else []
            },
        ),
    }
    form = forms_.get(method)
    if request.method == "POST" and form is not None and form.is_valid():
        data = form.cleaned_data
        if method == "wards":
            chosen = LSOA.objects.filter(geography=geography, ward__code__in=data["wards"])
        elif method == "suggestion":
            cluster = next(c for c in clusters if c["key"] == data["cluster"])
            chosen = LSOA.objects.filter(pk__in=cluster["lsoa_ids"])
        else:
            chosen = LSOA.objects.filter(geography=geography, la_code=la, pk__in=data["lsoas"])
        try:
            services.set_focus_area(
                partnership=p,
                geography=geography,
                lsoas=chosen,
                method=method,
                how_chosen=data.get("how_chosen", ""),
                by=request.user,
            )
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, _("The area of focus has been saved."))
            return redirect("area_profile", slug=p.slug)
    return render(
        request,
        "places/area_define.html",
        {
            "partnership": p,
            "release": release,
            "forms": forms_,
            "clusters": clusters,
            "current": current,
            "geojson_url": reverse("places_map_geojson", kwargs={"la": la})
            + f"?release={release.key}&level=lsoa",
        },
    )


@login_required
def area_assets(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.view_area")
    found = selectors.asset_map(p, None)
    return render(
        request,
        "places/area_assets.html",
        {
            "partnership": p,
            **found,
            # The map shows every school and asset; the lists below it go a page at a time, each
            # list with its own page parameter so that paging one keeps the other's page.
            "schools": paginate(request, found["schools"], param="schools_page", show_all=True),
            "assets": paginate(request, found["assets"], show_all=True),
            "can_add": has_permission(request.user, "places.add_asset", p),
            "can_change": has_permission(request.user, "places.change_asset", p),
        },
    )


def _area_lsoas(p) -> tuple[FocusArea | None, list]:
    """The area of focus and its LSOAs, the only ones an asset's LSOA is chosen from."""
    area = FocusArea.objects.filter(partnership=p).first()
    if area is None:
        return None, []
    return area, list(area.lsoas.order_by("code").values_list("pk", "code", "name"))


def _asset_fields(data) -> dict:
    lsoa = LSOA.objects.filter(pk=data["lsoa"]).first() if data.get("lsoa") else None
    return {
        "kind": data["kind"],
        "name": data["name"],
        "description": data["description"],
        "latitude": data["latitude"],
        "longitude": data["longitude"],
        "lsoa": lsoa,
        "person_agreed": data["person_agreed"],
    }


@login_required
def asset_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.add_asset")
    area, lsoas = _area_lsoas(p)
    form = AssetForm(request.POST or None, lsoas=lsoas)
    if request.method == "POST" and form.is_valid():
        try:
            services.add_asset(partnership=p, by=request.user, **_asset_fields(form.cleaned_data))
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, _("The asset has been added to the map."))
            return redirect("area_assets", slug=p.slug)
    return render(
        request,
        "places/asset_form.html",
        {"partnership": p, "form": form, "area": area},
    )


def _get_asset(p, pk) -> Asset:
    asset = Asset.objects.filter(partnership=p, pk=pk).select_related("partnership").first()
    if asset is None:
        raise Http404
    return asset


@login_required
def asset_edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "places.change_asset")
    asset = _get_asset(p, pk)
    area, lsoas = _area_lsoas(p)
    form = AssetForm(
        request.POST or None,
        lsoas=lsoas,
        initial={
            "kind": asset.kind,
            "name": asset.name,
            "description": asset.description,
            "person_agreed": asset.person_agreed,
            "latitude": asset.latitude,
            "longitude": asset.longitude,
            "lsoa": str(asset.lsoa_id) if asset.lsoa_id else "",
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.update_asset(asset=asset, by=request.user, **_asset_fields(form.cleaned_data))
        except ValidationError as e:
            add_errors(form, e)
        else:
            messages.success(request, _("The asset has been changed."))
            return redirect("area_assets", slug=p.slug)
    return render(
        request,
        "places/asset_form.html",
        {"partnership": p, "form": form, "area": area, "asset": asset},
    )


@login_required
def asset_remove(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "places.change_asset")
    asset = _get_asset(p, pk)
    if request.method == "POST":
        services.remove_asset(asset=asset, by=request.user)
        messages.success(
            request, _("%(name)s has been taken off the asset map.") % {"name": asset.name}
        )
        return redirect("area_assets", slug=p.slug)
    return render(request, "places/asset_remove.html", {"partnership": p, "asset": asset})


@login_required
def area_geojson(request, slug):
    """The area's LSOAs, and its schools and assets as points, for the asset map."""
    p = get_partnership_or_404(request.user, slug, "places.view_area")
    data = selectors.asset_map(p, None)
    parts = []
    if data["area"] is not None:
        for code, name, geometry in (
            data["area"].lsoas.exclude(geometry="").values_list("code", "name", "geometry")
        ):
            parts.append(_feature(geometry, {"kind": "lsoa", "code": code, "name": name}))
    points = [
        (
            s.longitude,
            s.latitude,
            {"kind": "school", "name": s.name, "detail": f"{s.phase} {s.type_name}".strip()},
        )
        for s in data["schools"]
        if s.latitude is not None
    ] + [
        (a.longitude, a.latitude, {"kind": a.kind, "name": a.name, "detail": a.get_kind_display()})
        for a in data["assets"]
        if a.latitude is not None
    ]
    for lon, lat, props in points:
        parts.append(_feature(json.dumps({"type": "Point", "coordinates": [lon, lat]}), props))
    body = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return HttpResponse(body, content_type="application/geo+json")


def area_public_geojson(request, slug):
    """The boundaries of a public partnership's area, for the map on its public page: public
    boundaries and names only, never the asset map's people and places."""
    p = Partnership.objects.public().filter(slug=slug).first()
    if p is None:
        raise Http404
    parts = [
        _feature(geometry, {"kind": "lsoa", "code": code, "name": name})
        for code, name, geometry in LSOA.objects.filter(focus_areas__partnership=p)
        .exclude(geometry="")
        .values_list("code", "name", "geometry")
    ]
    body = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return HttpResponse(body, content_type="application/geo+json")
