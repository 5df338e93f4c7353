"""Places pages: rankings, maps and suggested areas (open data), uploads, and a partnership's
area profile, area definition and asset map."""

import json
import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.csv import csv_response
from actlocally.core.forms import add_errors
from actlocally.jobs.services import start_job

from . import selectors, services
from .exports import write_ranking_csv
from .forms import (
    NEWEST,
    AssetForm,
    ClusterForm,
    LsoasForm,
    ReleaseForm,
    UploadForm,
    WardsForm,
)
from .measures import BY_KEY
from .models import LSOA, Asset, FocusArea, Ward
from .tasks import export_ranking, import_upload

DEFAULT_LA = "E08000032"


def _choices(request, la: str):
    release = selectors.choose_release(request.GET.get("release"))
    if release is None:
        return None
    measure = request.GET.get("measure", "imd")
    if measure not in release.summary.get("ranked", []):
        measure = "imd"
    level = "lsoa" if request.GET.get("level") == "lsoa" else "ward"
    return {
        "release": release,
        "release_reason": selectors.release_reason(release, request.GET.get("release")),
        "releases": selectors.releases(),
        "measure": measure,
        "measure_label": BY_KEY[measure].label,
        "measures": selectors.measure_choices(release),
        "level": level,
        "la": la,
        "la_name": _la_name(la),
        "authorities": selectors.local_authorities(),
    }


def _la_name(code: str) -> str:
    ward = Ward.objects.filter(la_code=code).exclude(la_name="").first()
    return ward.la_name if ward else code


@login_required
def index(request):
    require_permission(request.user, "places.view_open_data")
    la = request.GET.get("la") or DEFAULT_LA
    if not Ward.objects.filter(la_code=la).exists():
        first = Ward.objects.exclude(la_code="").values_list("la_code", flat=True).first()
        if first is None:
            return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
        la = first
    to = request.GET.get("to")
    target = f"places_{to}" if to in {"ranking", "map", "suggestions"} else "places_ranking"
    query = request.GET.copy()
    for key in ("la", "to"):
        query.pop(key, None)
    url = reverse(target, kwargs={"la": la})
    return redirect(f"{url}?{query.urlencode()}" if query else url)


def _can_import(user) -> bool:
    return has_permission(user, "places.import_data")


@login_required
def ranking(request, la):
    require_permission(request.user, "places.view_open_data")
    context = _choices(request, la)
    if context is None:
        return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
    sort = request.GET.get("sort", "score")
    rows = selectors.ranking(
        context["release"],
        context["measure"],
        context["level"],
        la,
        sort if sort in selectors.SORTS else "score",
    )
    if request.GET.get("format") == "csv":
        return _csv(rows, context, la)
    query = request.GET.copy()
    query.pop("sort", None)
    query.pop("format", None)
    return render(
        request,
        "places/ranking.html",
        {
            **context,
            "rows": rows,
            "sort": sort,
            "query": query.urlencode(),
            "score_label": selectors.score_label(context["release"], context["measure"]),
            "can_import": _can_import(request.user),
        },
    )


def _csv(rows, context, la):
    response = csv_response(
        f"{la}-{context['level']}-{context['measure']}-{context['release'].key}.csv"
    )
    write_ranking_csv(response, rows)
    return response


@login_required
def ranking_export(request):
    """England's whole ranking is tens of thousands of rows: made by a worker, while the job's
    page shows how far it has got; its starter downloads it from there."""
    require_permission(request.user, "places.view_open_data")
    context = _choices(request, "")
    if context is None:
        return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
    context["title"] = (
        _("Ranking of every ward in England by %(measure)s, %(release)s")
        if context["level"] == "ward"
        else _("Ranking of every LSOA in England by %(measure)s, %(release)s")
    ) % {"measure": context["measure_label"], "release": context["release"].key}
    if request.method == "POST":
        job = start_job(
            kind="places.ranking_export",
            title=context["title"],
            task=export_ranking,
            kwargs={
                "release": context["release"].key,
                "measure": context["measure"],
                "level": context["level"],
            },
            by=request.user,
        )
        return redirect(job)
    return render(request, "places/ranking_export.html", context)


@login_required
def map_page(request, la):
    require_permission(request.user, "places.view_open_data")
    context = _choices(request, la)
    if context is None:
        return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
    rows = selectors.ranking(context["release"], context["measure"], context["level"], la)
    return render(
        request,
        "places/map.html",
        {
            **context,
            "rows": rows,
            "geojson_url": reverse("places_map_geojson", kwargs={"la": la})
            + f"?release={context['release'].key}&measure={context['measure']}&level={context['level']}",
        },
    )


@login_required
def map_geojson(request, la):
    require_permission(request.user, "places.view_open_data")
    context = _choices(request, la)
    if context is None:
        return HttpResponse(
            '{"type":"FeatureCollection","features":[]}', content_type="application/geo+json"
        )
    body = selectors.geojson_features(context["release"], context["measure"], la, context["level"])
    return HttpResponse(body, content_type="application/geo+json")


@login_required
def suggestions(request, la):
    require_permission(request.user, "places.view_open_data")
    context = _choices(request, la)
    if context is None:
        return render(request, "places/empty.html", {"can_import": _can_import(request.user)})
    return render(
        request,
        "places/suggestions.html",
        {**context, "clusters": selectors.clusters(context["release"], la)},
    )


@login_required
def upload(request):
    """Check the form, store the files and start a background job; its page shows progress."""
    require_permission(request.user, "places.import_data")
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        folder = f"uploads/places/{uuid.uuid4().hex}"
        stored = [
            [default_storage.save(f"{folder}/{get_valid_filename(f.name)}", f), f.name]
            for f in form.cleaned_data["files"]
        ]
        job = start_job(
            kind=f"places.{kind}",
            title={
                "deprivation": _("Importing deprivation data"),
                "geography": _("Importing geography files"),
                "schools": _("Importing schools"),
            }[kind],
            task=import_upload,
            kwargs={
                "kind": kind,
                "files": stored,
                "release": form.cleaned_data.get("release") or "",
                "geography": form.cleaned_data.get("geography") or "",
            },
            files=[path for path, _name in stored],
            by=request.user,
        )
        return redirect(job)
    return render(
        request,
        "places/upload.html",
        {"form": form, "releases": selectors.releases()},
    )


# A partnership's area ------------------------------------------------------------------------------


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
    return render(
        request,
        "places/area_assets.html",
        {
            "partnership": p,
            **selectors.asset_map(p, None),
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
            parts.append(selectors._feature(geometry, {"kind": "lsoa", "code": code, "name": name}))
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
        parts.append(
            selectors._feature(json.dumps({"type": "Point", "coordinates": [lon, lat]}), props)
        )
    body = '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"
    return HttpResponse(body, content_type="application/geo+json")
