"""The Bradford demo's indicators, read from the demo folder's measurement.yaml: real open data
first (street crime by LSOA, IoD2019 income deprivation and IDACI, Census 2021 and AHAH v3,
files in data/), each partnership's area shown against Bradford and England; and, only for what
no open source holds, illustrative figures from the YAML, labelled as such on every page and
file."""

import csv
from pathlib import Path

from actlocally.places.models import Deprivation

from . import services
from .models import ENGLAND_CODE, MULTIPLIER, GeographyType, Indicator, Unit
from .periods import parse_period
from .services import Figure, save_figures

DATA = Path(__file__).resolve().parent / "data"
# The key of the local authority's own figures under an illustrative indicator's `figures`.
AUTHORITY = "bradford"


def _n(text: str) -> float | None:
    text = text.strip().replace(",", "")
    return float(text) if text else None


def _lsoa_figures(
    indicator,
    period: str,
    rows: dict[str, tuple[float, float]],
    la_code: str,
    *,
    local_authority: bool = True,
) -> list[Figure]:
    """Each LSOA's figure and, unless the file of comparators gives it, the local authority's as
    the sum of its LSOAs."""
    label, start = parse_period(indicator.period_type, period)
    figures = [
        Figure(
            indicator.pk,
            GeographyType.LSOA,
            code,
            None,
            label,
            start,
            num,
            den,
            num / den * indicator.multiplier,
        )
        for code, (num, den) in rows.items()
        if den
    ]
    if not local_authority:
        return figures
    num = sum(n for n, d in rows.values() if d)
    den = sum(d for _n, d in rows.values() if d)
    figures.append(
        Figure(
            indicator.pk,
            GeographyType.LOCAL_AUTHORITY,
            la_code,
            None,
            label,
            start,
            num,
            den,
            num / den * indicator.multiplier,
            "The sum of the local authority's LSOAs.",
        )
    )
    return figures


def load_open_data(by_data: dict[str, Indicator], la_code: str, by=None) -> None:
    """The open-data files in data/, for the indicators whose YAML `data` names them."""
    populations = {
        code: (population, children)
        for code, population, children in Deprivation.objects.filter(
            release__key="IoD2019", lsoa__la_code=la_code
        ).values_list("lsoa__code", "population", "children")
    }
    figures: list[Figure] = []
    if "street-crime" in by_data:
        with (DATA / "bradford_lsoa11_street_crime_counts_2021-04_to_2022-03.csv").open() as f:
            crimes = {
                r["LSOA code"]: (float(r["number of crimes"]), populations[r["LSOA code"]][0])
                for r in csv.DictReader(f)
                if r["LSOA code"] in populations
            }
        figures += _lsoa_figures(by_data["street-crime"], "2021/22", crimes, la_code)
    with (DATA / "iod2019_bradford_lsoa11_numerators.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r["lsoa11_code"] in populations]
    columns = {
        "income-deprivation": ("income_domain_numerator", 0),
        "idaci": ("income_deprivation_affecting_children_index_idaci_numerator", 1),
    }
    for data, (column, denominator) in columns.items():
        if data not in by_data:
            continue
        parts = {
            r["lsoa11_code"]: (_n(r[column]), populations[r["lsoa11_code"]][denominator])
            for r in rows
            if _n(r[column]) is not None
        }
        figures += _lsoa_figures(by_data[data], "2015/16", parts, la_code)
    with (DATA / "iod2019_england_totals.csv").open() as f:
        for r in csv.DictReader(f):
            indicator = by_data.get(
                "income-deprivation" if r["measure"] == "income_domain" else "idaci"
            )
            if indicator is None:
                continue
            label, start = parse_period(indicator.period_type, "2015/16")
            num, den = float(r["numerator"]), float(r["denominator"])
            figures.append(
                Figure(
                    indicator.pk,
                    GeographyType.ENGLAND,
                    ENGLAND_CODE,
                    None,
                    label,
                    start,
                    num,
                    den,
                    num / den * 100,
                    f"The sum of the {int(r['lsoas_with_numerator']):,} English LSOAs with a figure.",
                )
            )
    figures += _census_ahah_figures(by_data, set(populations), la_code)
    save_figures(figures=figures, partnership=None, by=by)


# data key in measurement.yaml -> (its columns in the LSOA file, its measures in the comparators
# file): the numerator's columns are summed; a mean's denominator is 1 per LSOA, so an area's
# figure (the sum over its LSOAs) is the average of its LSOAs' scores.
CENSUS_AHAH = {
    "ahah-index": ("ahah_v3_bradford_lsoa11.csv", ["ahah_index_score"], None, ["ahah_index"]),
    "ahah-health": (
        "ahah_v3_bradford_lsoa11.csv",
        ["health_services_domain_score"],
        None,
        ["ahah_health"],
    ),
    "density": ("census2021_bradford_lsoa11.csv", ["population_density"], None, ["density"]),
    "work-local": (
        "census2021_bradford_lsoa11.csv",
        ["works_from_home", "under_2km"],
        "in_work",
        ["works_from_home", "under_2km"],
    ),
}
# AHAH v3's year: see data/SOURCES.md (not confirmed from a published source).
CENSUS_AHAH_PERIOD = {"ahah-index": "2022", "ahah-health": "2022"}
CENSUS_PERIOD = "2021"


def _census_ahah_figures(by_data: dict, lsoas: set[str], la_code: str) -> list[Figure]:
    """Census 2021 and AHAH v3 figures: the local authority's LSOAs, and the local authority's
    and England's from the comparators file (worked out from the full files, so Bradford's is
    not just the sum of the LSOA rows here: see data/SOURCES.md)."""
    with (DATA / "census_ahah_comparators.csv").open() as f:
        comparators: dict[tuple[str, str], tuple[float, float, int]] = {
            (r["measure"], r["geography"]): (
                float(r["numerator"]),
                float(r["denominator"]),
                int(r["lsoas"]),
            )
            for r in csv.DictReader(f)
        }
    files: dict[str, list[dict]] = {}
    figures: list[Figure] = []
    for data, (filename, columns, denominator, measures) in CENSUS_AHAH.items():
        indicator = by_data.get(data)
        if indicator is None:
            continue
        if filename not in files:
            with (DATA / filename).open() as f:
                files[filename] = [r for r in csv.DictReader(f) if r["lsoa11_code"] in lsoas]
        rows = {
            r["lsoa11_code"]: (
                sum(float(r[c]) for c in columns),
                float(r[denominator]) if denominator else 1.0,
            )
            for r in files[filename]
        }
        period = CENSUS_AHAH_PERIOD.get(data, CENSUS_PERIOD)
        figures += _lsoa_figures(indicator, period, rows, la_code, local_authority=False)
        label, start = parse_period(indicator.period_type, period)
        for geography, code in (
            (GeographyType.LOCAL_AUTHORITY, la_code),
            (GeographyType.ENGLAND, ENGLAND_CODE),
        ):
            parts = [comparators.get((m, code)) for m in measures]
            if any(p is None for p in parts):
                continue  # distance to work: Bradford only, so no England figure
            num, den, count = sum(p[0] for p in parts), parts[0][1], parts[0][2]
            figures.append(
                Figure(
                    indicator.pk,
                    geography,
                    code,
                    None,
                    label,
                    start,
                    num,
                    den,
                    num / den * indicator.multiplier,
                    (
                        f"The average of its {count:,} LSOAs' figures, from the full file."
                        if indicator.unit == Unit.MEAN
                        else f"The sum of its {count:,} LSOAs, from the full file."
                    ),
                )
            )
    return figures


def illustrative_figures(indicator: Indicator, rows: dict, context) -> list[Figure]:
    """An illustrative indicator's made-up figures from the YAML: each partnership area's, by
    slug, and the local authority's; every row's note says they are illustrative."""
    la_code = next(iter(context.partnerships.values())).local_authority.code
    places = [
        (GeographyType.AREA, str(context.partnerships[slug].pk), context.partnerships[slug].pk, r)
        for slug, r in rows.get("areas", {}).items()
    ]
    places.append((GeographyType.LOCAL_AUTHORITY, la_code, None, rows.get("local_authority", [])))
    figures = []
    for geography, code, partnership_id, series in places:
        for period, num, den in series:
            label, start = parse_period(indicator.period_type, period)
            figures.append(
                Figure(
                    indicator.pk,
                    geography,
                    code,
                    partnership_id,
                    label,
                    start,
                    num,
                    den,
                    num / den * indicator.multiplier,
                    "Illustrative",
                )
            )
    return figures


def _baseline_value(fields: dict, slug: str, period: str) -> float | None:
    """The partnership's own figure in its baseline period, where the YAML gives one."""
    series = fields.get("figures", {}).get("areas", {}).get(slug, [])
    row = next((r for r in series if r[0] == period), None)
    if row is None:
        return None
    return round(row[1] / row[2] * MULTIPLIER.get(fields["unit"], 1), 1)


def load_demo(context) -> None:
    # Only a demo whose folder has measurement.yaml loads indicators.
    data = context.section("measurement")
    if not data:
        return
    by = context.by
    la = next(iter(context.partnerships.values())).local_authority
    definitions = {fields["key"]: fields for fields in data["indicators"]}
    indicators = {}
    for key, fields in definitions.items():
        fields = {k: v for k, v in fields.items() if k not in ("data", "figures")}
        indicators[key] = Indicator.objects.filter(
            local_authority=la, key=key
        ).first() or services.define_indicator(local_authority=la, by=by, **fields)
    load_open_data(
        {f["data"]: indicators[k] for k, f in definitions.items() if f.get("data")}, la.code, by=by
    )
    figures = []
    for key, fields in definitions.items():
        if fields.get("figures"):
            figures += illustrative_figures(indicators[key], fields["figures"], context)
    save_figures(figures=figures, partnership=None, by=by)
    for slug, choices in data["choices"].items():
        partnership = context.partnerships[slug]
        outcomes = list(services.partnership_outcomes(partnership))
        for choice in choices:
            key, words = choice["indicator"], choice.get("outcome", "")
            baseline = choice.get("baseline", "")
            services.choose_indicator(
                partnership=partnership,
                indicator=indicators[key],
                outcomes=[o for o in outcomes if words and words in o.text],
                baseline_period=baseline,
                baseline_value=_baseline_value(definitions[key], slug, baseline)
                if baseline
                else None,
                by=by,
            )
        services.record_data_evidence(partnership=partnership, by=by)
