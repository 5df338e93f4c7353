"""Deprivation pages for anyone signed in: rankings, maps and suggested areas from open data,
and uploads of new releases."""

import uuid

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission, require_permission
from actlocally.core.csv import csv_response
from actlocally.core.pagination import paginate
from actlocally.jobs.services import start_job

from .. import selectors
from ..exports import write_ranking_csv
from ..forms import (
    UploadForm,
)
from ..measures import BY_KEY
from ..models import Ward
from ..tasks import export_ranking, import_upload

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
    # A new order starts again at its first page; the CSV is always every row.
    for key in ("sort", "format", "page"):
        query.pop(key, None)
    return render(
        request,
        "places/ranking.html",
        {
            **context,
            # Ranks need every row, so the page is cut from the ranked list (already in memory).
            "rows": paginate(request, rows, show_all=True),
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
        {
            **context,
            "clusters": selectors.clusters(context["release"], la),
            "gias_loaded": selectors.schools_list_loaded(),
            "can_import": _can_import(request.user),
        },
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
