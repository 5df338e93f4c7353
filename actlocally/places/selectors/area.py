"""A partnership's area: its LSOAs, its profile against the local authority and England, its facts."""

import json
from functools import cache
from pathlib import Path

from django.db.models import Avg, Count, F, Q, Sum
from django.utils.translation import gettext as _

from ..measures import MEASURES
from ..models import LSOA, Deprivation, FocusArea, Geography, Release, Ward
from .ranking import _scale
from .releases import quoted_release


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


# England's figures for the releases the platform ships, worked out from MHCLG's England-wide files
# by scripts/england_figures.py: the demo loads only one local authority's LSOAs.
ENGLAND_FILE = Path(__file__).resolve().parent.parent / "data" / "england.json"


@cache
def published_england() -> dict:
    return json.loads(ENGLAND_FILE.read_text())


def england_figure(release: Release, key: str, scale: str) -> tuple[float | None, str]:
    """England's figure for a measure on the scale the page shows, and where it came from: the
    loaded release when it covers all of England, else the England-wide files of the same
    release, else None and the reason in plain words. No query."""
    complete = (release.summary.get("lsoas") or 0) >= 32000
    if complete and scale == "score" and key in release.summary.get("score", {}):
        return release.summary["score"][key], "loaded"
    shipped = published_england().get(release.key, {}).get("measures", {}).get(key, {})
    if scale in shipped:
        return shipped[scale], "england_files"
    if scale == "rank":
        return None, _(
            "England has no average rank to compare with: ranks run from 1 to the number of "
            "LSOAs, so England's middle is half-way down the ranking."
        )
    return None, _(
        "This release's England-wide figure for this measure is not among the files the "
        "platform holds, so there is nothing to compare with."
    )


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
    rows = []
    for m in MEASURES:
        if m.key not in here["measures"]:
            continue
        scale = _scale(release, m.key)
        england_score, england_from = england_figure(release, m.key, scale)
        rows.append(
            {
                "key": m.key,
                "label": m.label,
                "area": here["measures"][m.key],
                "la": la["measures"].get(m.key),
                "england_score": england_score,
                # "loaded", "england_files", or why England's figure is missing.
                "england_from": england_from,
                "scale": scale,
                "is_rate": scale == "score" and m.is_rate,
                "unit": _unit(m, scale, release),
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


def _unit(measure, scale: str, release: Release) -> str:
    if scale == "rank":
        n = published_england().get(release.key, {}).get("lsoas") or release.summary.get("lsoas")
        return _("average national rank, 1 = most deprived of %(n)s LSOAs") % {"n": f"{n:,}"}
    return measure.score_unit


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
                "text": _(
                    "About %(n)s people live in the area (mid-2015 estimate: the population "
                    "the Indices of Deprivation themselves use)"
                )
                % {"n": f"{round(here['population'], -2):,.0f}"},
                "value": here["population"],
                "source": _("IoD2019 population denominators (File 6), MHCLG")
                if not release.summary.get("population_from")
                else _(
                    "IoD2019 population denominators (File 6), MHCLG, carried to 2021 LSOAs "
                    "through the ONS lookup: IoD2025's own denominators are not among the "
                    "files the platform holds"
                ),
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
