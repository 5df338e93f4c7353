"""Places pages: rankings, maps and suggested areas (open data), uploads, and a partnership's
area profile, area definition and asset map."""

import csv
import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from actlocally.authorization import get_partnership_or_404, has_permission, require_permission
from actlocally.core.forms import add_errors

from . import selectors, services
from .forms import AssetForm, ClusterForm, LsoasForm, UploadForm, WardsForm
from .importers import ImportRefused, import_files
from .measures import BY_KEY
from .models import LSOA, FocusArea, Ward

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


def write_ranking_csv(out, rows) -> None:
    writer = csv.writer(out)
    writer.writerow(
        [
            "code",
            "name",
            "score",
            "rank",
            "lsoas",
            "lsoas_in_decile_1",
            "share_in_decile_1",
            "population",
            "decile",
        ]
    )
    for r in rows:
        writer.writerow(
            [
                r.code,
                r.name,
                "" if r.score is None else f"{r.score:.3f}",
                r.rank,
                r.lsoas,
                r.lsoas_in_decile_1,
                f"{r.share_in_decile_1:.3f}",
                r.population if r.population is not None else "",
                r.decile or "",
            ]
        )


def _csv(rows, context, la):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{la}-{context['level']}-{context['measure']}-{context['release'].key}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    write_ranking_csv(response, rows)
    return response


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
    require_permission(request.user, "places.import_data")
    form = UploadForm(request.POST or None, request.FILES or None)
    refused = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            results = import_files(
                kind=data["kind"],
                files=[(f.name, f.read()) for f in data["files"]],
                release_key=data["release"],
                geography=data["geography"],
                by=request.user,
            )
        except ImportRefused as e:
            refused = e
        else:
            for result in results:
                messages.success(request, str(result))
            return redirect("places_upload")
    return render(
        request,
        "places/upload.html",
        {"form": form, "refused": refused, "releases": selectors.releases()},
    )


# A partnership's area ------------------------------------------------------------------------------


@login_required
def area_profile(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.view_area")
    release = selectors.choose_release(request.GET.get("release"))
    profile = selectors.area_profile(p, release)
    return render(
        request,
        "places/area_profile.html",
        {
            "partnership": p,
            "profile": profile,
            "release": release,
            "releases": selectors.releases(),
            "facts": selectors.facts_from_profile(profile),
            "can_define": has_permission(request.user, "places.define_area", p),
        },
    )


@login_required
def area_define(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.define_area")
    release = selectors.choose_release(request.GET.get("release") or request.POST.get("release"))
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
        },
    )


@login_required
def asset_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "places.add_asset")
    area = FocusArea.objects.filter(partnership=p).first()
    lsoas = []
    if area:
        lsoas = list(
            LSOA.objects.filter(geography=area.geography, la_code=p.local_authority.code)
            .order_by("code")
            .values_list("pk", "code", "name")
        )
    form = AssetForm(request.POST or None, lsoas=lsoas)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        lsoa = LSOA.objects.filter(pk=data["lsoa"]).first() if data.get("lsoa") else None
        try:
            services.add_asset(
                partnership=p,
                kind=data["kind"],
                name=data["name"],
                description=data["description"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                lsoa=lsoa,
                person_agreed=data["person_agreed"],
                by=request.user,
            )
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
