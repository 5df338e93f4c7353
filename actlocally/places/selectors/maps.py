"""Suggested clusters of deprived neighbourhoods and the GeoJSON for the maps."""

from collections import defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from ..models import LSOA, Asset, Deprivation, FocusArea, Release, School, Ward
from .ranking import _scale, ward_rows


def clusters(release: Release, la_code: str, *, within_wards: bool = True) -> list[dict]:
    """Groups of neighbouring LSOAs all in the most deprived national decile of the IMD, largest
    population first, each with its depth (average score), wards and schools. Three queries.

    In a city the most deprived LSOAs can form one band across many wards (73 of Bradford's
    LSOAs touch each other), so by default a group stays within one ward: places the size of a
    partnership, like Holme Wood in Tong ward."""
    rows = list(
        Deprivation.objects.filter(
            release=release, lsoa__la_code=la_code, imd_decile=1
        ).values_list(
            "lsoa_id",
            "lsoa__code",
            "lsoa__name",
            "imd_score",
            "imd_rank",
            "population",
            "lsoa__ward__name",
        )
    )
    info = {r[0]: r for r in rows}
    through = LSOA.neighbours.through
    edges = defaultdict(set)
    for a, b in through.objects.filter(from_lsoa_id__in=info, to_lsoa_id__in=info).values_list(
        "from_lsoa_id", "to_lsoa_id"
    ):
        edges[a].add(b)
    seen, groups = set(), []
    for start in sorted(info, key=lambda pk: info[pk][1]):
        if start in seen:
            continue
        stack, group = [start], []
        seen.add(start)
        while stack:
            pk = stack.pop()
            group.append(pk)
            for other in edges[pk] - seen:
                if within_wards and info[other][6] != info[pk][6]:
                    continue
                seen.add(other)
                stack.append(other)
        groups.append(group)
    codes = [info[pk][1] for pk in info]
    schools = defaultdict(list)
    for school in School.objects.filter(lsoa_code__in=codes).order_by("name"):
        schools[school.lsoa_code].append(school)
    result = []
    for group in groups:
        members = [info[pk] for pk in group]
        population = sum(m[5] or 0 for m in members)
        scores = [(m[3], m[5] or 0) for m in members if m[3] is not None]
        if scores and population:
            depth = sum(s * p for s, p in scores) / population
        else:
            depth = sum(s for s, _p in scores) / len(scores) if scores else None
        result.append(
            {
                "lsoas": sorted(m[1] for m in members),
                "lsoa_ids": sorted(group),
                "names": sorted(m[2] for m in members),
                "population": population,
                "depth": depth,
                "best_rank": min((m[4] for m in members if m[4]), default=None),
                "wards": sorted({m[6] for m in members if m[6]}),
                "schools": [s for m in members for s in schools.get(m[1], [])],
            }
        )
    result.sort(key=lambda c: (-c["population"], -(c["depth"] or 0), -len(c["lsoas"])))
    for n, c in enumerate(result, start=1):
        c["rank"] = n
        c["key"] = c["lsoas"][0]
    return result


# Maps ----------------------------------------------------------------------------------------------


def geojson_features(release: Release, measure: str, la_code: str, level: str) -> str:
    """A GeoJSON feature collection of the LSOAs or wards of a local authority, each with its
    national decile of the measure. Geometries are stored as GeoJSON text and sent as they are."""
    import json

    parts = []
    if level == "ward":
        rows = {r.code: r for r in ward_rows(release, measure, la_code)}
        for code, name, geometry in (
            Ward.objects.filter(la_code=la_code)
            .exclude(geometry="")
            .values_list("code", "name", "geometry")
        ):
            row = rows.get(code)
            props = {
                "code": code,
                "name": name,
                "decile": row.decile if row else None,
                "score": round(row.score, 2) if row and row.score is not None else None,
                "d1": row.lsoas_in_decile_1 if row else None,
                "lsoas": row.lsoas if row else None,
            }
            parts.append(_feature(geometry, props))
    else:
        scale = _scale(release, measure)
        values = {
            pk: (decile, score)
            for pk, decile, score in Deprivation.objects.filter(
                release=release, lsoa__la_code=la_code
            ).values_list("lsoa_id", f"{measure}_decile", f"{measure}_{scale}")
        }
        for pk, code, name, geometry in (
            LSOA.objects.filter(geography=release.geography, la_code=la_code)
            .exclude(geometry="")
            .values_list("pk", "code", "name", "geometry")
        ):
            decile, score = values.get(pk, (None, None))
            props = {"id": pk, "code": code, "name": name, "decile": decile, "score": score}
            parts.append(_feature(geometry, props))
    del json
    return '{"type":"FeatureCollection","features":[' + ",".join(parts) + "]}"


def _feature(geometry: str, props: dict) -> str:
    import json

    return (
        '{"type":"Feature","geometry":'
        + geometry
        + ',"properties":'
        + json.dumps(props, separators=(",", ":"))
        + "}"
    )


# Assets --------------------------------------------------------------------------------------------


def asset_map(partnership, release: Release | None) -> dict:
    """Schools in and next to the area, the partnership's mapped assets and its VCSE partners."""
    area = FocusArea.objects.filter(partnership=partnership).first()
    codes: set[str] = set()
    near: set[str] = set()
    if area is not None:
        codes = set(area.lsoas.values_list("code", flat=True))
        near = (
            set(LSOA.objects.filter(neighbours__focus_areas=area).values_list("code", flat=True))
            - codes
        )
    schools = list(
        School.objects.filter(
            Q(lsoa_code__in=codes | near) | Q(organisation__partnerships=partnership)
        )
        .distinct()
        .order_by("name")
    )
    for school in schools:
        school.where = (
            _("In the area")
            if school.lsoa_code in codes
            else _("Next to the area")
            if school.lsoa_code in near
            else _("Location not known")
        )
    assets = list(
        Asset.objects.filter(partnership=partnership).select_related("lsoa", "organisation")
    )
    vcse = list(
        partnership.partner_organisations.filter(sector__in=["vcse", "community"]).order_by("name")
    )
    return {
        "area": area,
        "schools": schools,
        "assets": assets,
        "vcse": vcse,
        "gias_loaded": schools_list_loaded(),
    }


def schools_list_loaded() -> bool:
    """Whether a Get Information About Schools list is loaded: its schools have URNs, the ones
    named only in a partnership's own material (as in the demo) have none."""
    return School.objects.filter(urn__isnull=False).exists()


def public_area_map(partnership) -> dict:
    """What the public page says of the area's place without JavaScript: its wards (the
    neighbourhoods people name), how many of each ward's LSOAs it takes, and whether there are
    boundaries to draw. Two queries; nothing but public boundaries and names."""
    area = FocusArea.objects.filter(partnership=partnership).first()
    if area is None:
        return {"area": None, "wards": [], "lsoas": 0, "has_boundaries": False}
    counts = list(
        area.lsoas.values("ward__name")
        .annotate(n=Count("pk"), drawn=Count("pk", filter=~Q(geometry="")))
        .order_by("ward__name")
    )
    return {
        "area": area,
        "wards": [{"name": c["ward__name"], "lsoas": c["n"]} for c in counts if c["ward__name"]],
        "lsoas": sum(c["n"] for c in counts),
        "has_boundaries": any(c["drawn"] for c in counts),
    }


def search_assets(partnership, words: list[str], limit: int) -> list:
    """The partnership's mapped assets and allies by name or how they can help."""
    from django.urls import reverse

    from actlocally.search.registry import Result, matching

    url = reverse("area_assets", kwargs={"slug": partnership.slug})
    found = (
        Asset.objects.filter(partnership=partnership)
        .filter(matching(words, "name", "description"))
        .order_by("name", "pk")[:limit]
    )
    return [Result(title=a.name, url=url, detail=a.get_kind_display()) for a in found]
