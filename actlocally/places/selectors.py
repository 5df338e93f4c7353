"""Reads for the places pages: rankings of wards and LSOAs, area profiles, suggested clusters and
maps. Each answers in a fixed number of queries, however many LSOAs are loaded."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import gettext as _

from .measures import MEASURES
from .models import LSOA, Asset, Deprivation, FocusArea, Geography, Release, School, Ward


def releases() -> list[Release]:
    return list(Release.objects.all())


def choose_release(key: str | None) -> Release | None:
    """The release asked for, or the newest."""
    found = list(Release.objects.all())
    for release in found:
        if release.key == key:
            return release
    return found[0] if found else None


def quoted_release(partnership) -> Release | None:
    """The release a partnership quotes: the one chosen for its area, or the newest."""
    area = FocusArea.objects.filter(partnership=partnership).select_related("release").first()
    if area is not None and area.release is not None:
        return area.release
    return choose_release(None)


def release_reason(release: Release | None, asked: str | None, partnership=None) -> str:
    """Why the page shows the release it shows, in a sentence."""
    if release is None:
        return ""
    if asked == release.key:
        return _("%(release)s, as chosen.") % {"release": release.key}
    if partnership is not None:
        area = FocusArea.objects.filter(partnership=partnership).first()
        if area is not None and area.release_id == release.pk:
            return _(
                "%(release)s: the release this partnership quotes on its area page and in its "
                "Statement of Intent."
            ) % {"release": release.key}
    return _(
        "%(release)s: the newest release loaded. Partnerships may quote an earlier one (each "
        "chooses on its area page); choose another release to compare."
    ) % {"release": release.key}


def local_authorities() -> list[tuple[str, str]]:
    """(code, name) of every local authority with LSOAs loaded."""
    return list(
        Ward.objects.exclude(la_name="")
        .values_list("la_code", "la_name")
        .distinct()
        .order_by("la_name")
    )


def decile_of(release: Release, measure: str, score: float | None) -> int | None:
    """The national decile an average score falls in, on the LSOAs' scale."""
    thresholds = release.summary.get("thresholds", {}).get(measure)
    if score is None or not thresholds:
        return None
    for decile, low in enumerate(thresholds, start=1):
        if low is not None and score >= low:
            return decile
    return 10


@dataclass
class Row:
    code: str
    name: str
    score: float | None
    population: int | None
    lsoas: int
    lsoas_in_decile_1: int
    decile: int | None = None
    rank: int = 0
    ward: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def share_in_decile_1(self) -> float:
        return self.lsoas_in_decile_1 / self.lsoas if self.lsoas else 0.0


def _scale(release: Release, measure: str) -> str:
    """Which number stands for the measure: its score, or (when the release publishes no
    score) the national rank, where lower means more deprived."""
    return "score" if release.has_scores(measure) else "rank"


def ward_rows(release: Release, measure: str, la_code: str | None) -> list[Row]:
    """Each ward's population-weighted mean of the measure over its LSOAs (IoD2019 File 6
    populations as weights; a plain mean where the release has no populations), its LSOAs and how
    many are in the most deprived national decile. One query."""
    scale = _scale(release, measure)
    values = Deprivation.objects.filter(release=release, lsoa__ward__isnull=False)
    if la_code:
        values = values.filter(lsoa__ward__la_code=la_code)
    rows = (
        values.values("lsoa__ward__code", "lsoa__ward__name")
        .annotate(
            weighted=Sum(F(f"{measure}_{scale}") * F("population")),
            pop=Sum("population"),
            mean=Avg(f"{measure}_{scale}"),
            n=Count("pk"),
            d1=Count("pk", filter=Q(**{f"{measure}_decile": 1})),
        )
        .order_by()
    )
    result = []
    for r in rows:
        score = r["weighted"] / r["pop"] if r["pop"] and r["weighted"] is not None else r["mean"]
        result.append(
            Row(
                code=r["lsoa__ward__code"],
                name=r["lsoa__ward__name"],
                score=score,
                population=r["pop"],
                lsoas=r["n"],
                lsoas_in_decile_1=r["d1"],
                decile=decile_of(release, measure, score) if scale == "score" else None,
            )
        )
    return result


def lsoa_rows(release: Release, measure: str, la_code: str | None) -> list[Row]:
    """Each LSOA of the local authority, or of England when `la_code` is None. One query."""
    scale = _scale(release, measure)
    values = Deprivation.objects.filter(release=release)
    if la_code is not None:
        values = values.filter(lsoa__la_code=la_code)
    rows = values.values_list(
        "lsoa__code",
        "lsoa__name",
        f"{measure}_{scale}",
        f"{measure}_decile",
        "population",
        "lsoa__ward__name",
    ).order_by()
    return [
        Row(
            code=code,
            name=name,
            score=score,
            population=population,
            lsoas=1,
            lsoas_in_decile_1=int(decile == 1),
            decile=decile,
            ward=ward or "",
        )
        for code, name, score, decile, population, ward in rows
    ]


SORTS = {"score", "share", "population", "name"}


def ranking(
    release: Release, measure: str, level: str, la_code: str | None, sort: str = "score"
) -> list[Row]:
    """Rows ranked from most to least deprived; `sort` changes only the order shown."""
    rows = (
        ward_rows(release, measure, la_code)
        if level == "ward"
        else lsoa_rows(release, measure, la_code)
    )
    by_score = _scale(release, measure) == "score"

    def depth(row):
        if row.score is None:
            return float("inf")
        return -row.score if by_score else row.score

    rows.sort(key=lambda r: (depth(r), -r.share_in_decile_1, r.code))
    for n, row in enumerate(rows, start=1):
        row.rank = n
    if sort == "share":
        rows.sort(key=lambda r: (-r.share_in_decile_1, r.rank))
    elif sort == "population":
        rows.sort(key=lambda r: (-(r.population or 0), r.rank))
    elif sort == "name":
        rows.sort(key=lambda r: r.name)
    return rows


def measure_choices(release: Release | None) -> list[tuple[str, str]]:
    if release is None:
        return []
    ranked = set(release.summary.get("ranked", []))
    return [(m.key, str(m.label)) for m in MEASURES if m.key in ranked]


def score_label(release: Release, measure: str) -> str:
    if _scale(release, measure) == "score":
        return _("Average score (higher is more deprived)")
    return _("Average national rank (lower is more deprived; this release has no domain scores)")


# Areas of focus ----------------------------------------------------------------------------------


def area_lsoa_ids(area: FocusArea, release: Release) -> list[int]:
    """The area's LSOAs on the geography of a release, through the ONS 2011→2021 lookup when the
    area was drawn on the other geography. One query."""
    if area.geography == release.geography:
        return list(area.lsoas.values_list("pk", flat=True))
    if release.geography == Geography.LSOA21:
        return list(
            LSOA.objects.filter(links_from_2011__lsoa11__focus_areas=area)
            .values_list("pk", flat=True)
            .distinct()
        )
    return list(
        LSOA.objects.filter(links_to_2021__lsoa21__focus_areas=area)
        .values_list("pk", flat=True)
        .distinct()
    )


def summarise(release: Release, values) -> dict:
    """Population, population-weighted scores (or mean ranks) and decile counts of a set of
    LSOAs' values, in one query."""
    aggregates = {"n_lsoas": Count("pk"), "total_population": Sum("population")}
    for m in MEASURES:
        if m.key not in release.summary.get("ranked", []):
            continue
        scale = _scale(release, m.key)
        aggregates[f"{m.key}_weighted"] = Sum(F(f"{m.key}_{scale}") * F("population"))
        aggregates[f"{m.key}_mean"] = Avg(f"{m.key}_{scale}")
        aggregates[f"{m.key}_d1"] = Count("pk", filter=Q(**{f"{m.key}_decile": 1}))
    for d in range(1, 11):
        aggregates[f"imd_in_{d}"] = Count("pk", filter=Q(imd_decile=d))
    totals = values.aggregate(**aggregates)
    population = totals["total_population"]
    n = totals["n_lsoas"]
    measures = {}
    for m in MEASURES:
        if f"{m.key}_mean" not in totals:
            continue
        weighted = totals[f"{m.key}_weighted"]
        score = (
            weighted / population
            if population and weighted is not None
            else totals[f"{m.key}_mean"]
        )
        measures[m.key] = {
            "score": score,
            "d1": totals[f"{m.key}_d1"],
            "share_d1": totals[f"{m.key}_d1"] / n if n else 0,
        }
    return {
        "lsoas": n,
        "population": population,
        "measures": measures,
        "deciles": [totals[f"imd_in_{d}"] for d in range(1, 11)],
    }


def area_profile(partnership, release: Release | None) -> dict | None:
    """What the area page shows: the area against its local authority and England."""
    area = FocusArea.objects.filter(partnership=partnership).select_related("defined_by").first()
    if area is None or release is None:
        return {"area": area, "release": release} if area else None
    ids = area_lsoa_ids(area, release)
    values = Deprivation.objects.filter(release=release)
    here = summarise(release, values.filter(lsoa_id__in=ids))
    la_code = partnership.local_authority.code
    la = summarise(release, values.filter(lsoa__la_code=la_code))
    england_complete = (release.summary.get("lsoas") or 0) >= 32000
    england = release.summary
    rows = []
    for m in MEASURES:
        if m.key not in here["measures"]:
            continue
        rows.append(
            {
                "key": m.key,
                "label": m.label,
                "area": here["measures"][m.key],
                "la": la["measures"].get(m.key),
                "england_score": england.get("score", {}).get(m.key) if england_complete else None,
                "scale": _scale(release, m.key),
            }
        )
    wards = list(Ward.objects.filter(lsoas__in=ids).annotate(n=Count("lsoas")).order_by("name"))
    return {
        "area": area,
        "release": release,
        "here": here,
        "la": la,
        "la_name": partnership.local_authority.name,
        "england_complete": england_complete,
        "measures": rows,
        "wards": wards,
        "deciles": [
            {
                "decile": d,
                "area": here["deciles"][d - 1],
                "area_share": here["deciles"][d - 1] / here["lsoas"] if here["lsoas"] else 0,
                "la": la["deciles"][d - 1],
                "la_share": la["deciles"][d - 1] / la["lsoas"] if la["lsoas"] else 0,
            }
            for d in range(1, 11)
        ],
    }


def facts_from_profile(profile: dict | None) -> list[dict]:
    if not profile or "here" not in profile or not profile["here"]["lsoas"]:
        return []
    release, here, la = profile["release"], profile["here"], profile["la"]
    # Each fact cites the LSOAs its share is of: the area's for the area, the authority's for it.
    source = _("English Indices of Deprivation (%(release)s), MHCLG; the area's %(n)s LSOAs") % {
        "release": release.key,
        "n": f"{here['lsoas']:,}",
    }
    la_source = _("English Indices of Deprivation (%(release)s), MHCLG; %(la)s's %(n)s LSOAs") % {
        "release": release.key,
        "la": profile["la_name"],
        "n": f"{la['lsoas']:,}",
    }
    imd = here["measures"].get("imd")
    facts = []
    if imd:
        share = round(100 * imd["share_d1"])
        facts.append(
            {
                "text": _(
                    "%(share)s%% of the area's LSOAs are in the most deprived 10%% nationally"
                )
                % {"share": share},
                "value": share,
                "source": source,
            }
        )
        la_imd = la["measures"].get("imd")
        if la_imd:
            la_share = round(100 * la_imd["share_d1"])
            facts.append(
                {
                    "text": _(
                        "%(share)s%% of %(la)s's LSOAs are in the most deprived 10%% nationally"
                    )
                    % {"share": la_share, "la": profile["la_name"]},
                    "value": la_share,
                    "source": la_source,
                }
            )
    if here["population"]:
        facts.append(
            {
                "text": _("About %(n)s people live in the area (mid-2015 estimate)")
                % {"n": f"{round(here['population'], -2):,.0f}"},
                "value": here["population"],
                "source": _("IoD2019 population denominators (File 6), MHCLG"),
            }
        )
    children = here["measures"].get("idaci")
    if children:
        share = round(100 * children["share_d1"])
        facts.append(
            {
                "text": _(
                    "%(share)s%% of the area's LSOAs are in the most deprived 10%% for income deprivation affecting children"
                )
                % {"share": share},
                "value": share,
                "source": source,
            }
        )
    return facts


def area_facts(partnership) -> list[dict]:
    """The phrase-level facts a Statement of Intent quotes, from the release the partnership quotes:
    a list of {"text", "value", "source"}."""
    return facts_from_profile(area_profile(partnership, quoted_release(partnership)))


def area_evidence(partnership) -> dict:
    """What a Statement of Intent pulls from the area profile (the release the partnership
    quotes), in one read: the facts, and a chart of the area's LSOAs by national decile (None
    without an area)."""
    profile = area_profile(partnership, quoted_release(partnership))
    facts = facts_from_profile(profile)
    if not facts:
        return {"facts": [], "chart": None}
    release = profile["release"]
    chart = {
        "title": _(
            "%(area)s: LSOAs in each national decile of deprivation (1 = most deprived 10%%)"
        )
        % {"area": partnership.area_name},
        "unit": _("LSOAs"),
        "source": _("English Indices of Deprivation (%(release)s), MHCLG")
        % {"release": release.key},
        "year": release.year,
        "points": [
            {"label": _("Decile %(d)s") % {"d": row["decile"]}, "value": row["area"]}
            for row in profile["deciles"]
        ],
        "illustrative": False,
    }
    return {"facts": facts, "chart": chart}


# Suggested areas of focus ------------------------------------------------------------------------


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
        "gias_loaded": School.objects.filter(urn__isnull=False).exists(),
    }
