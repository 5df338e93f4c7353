"""The Bradford demo's indicators: real open data first (street crime by LSOA, IoD2019 income
deprivation and IDACI), each partnership's area shown against Bradford and England; and, only for
what no open source holds, illustrative values labelled as such (Keighley's dental absence)."""

import csv
from pathlib import Path

from actlocally.places.models import Deprivation

from . import services
from .models import ENGLAND_CODE, GeographyType, Indicator, Unit
from .periods import PeriodType, parse_period
from .services import Figure, save_figures

DATA = Path(__file__).resolve().parent / "data"
OGL = "Open Government Licence v3.0"
BRADFORD = "E08000032"

INDICATORS = [
    {
        "key": "street-crime-rate",
        "name": "Street-level crime",
        "definition": (
            "Crimes the police recorded at street level in the area over the year, for every "
            "1,000 people living there. Counts are police.uk's; the population is the Indices of "
            "Deprivation 2019 mid-2015 estimate. The counts were summed by a student project and "
            "should be recomputed from police.uk before anything is published."
        ),
        "numerator_definition": "Street-level crimes recorded by police.uk, April 2021 to March 2022.",
        "denominator_definition": "Total population, mid-2015 (excluding prisoners), IoD2019 File 6.",
        "unit": Unit.RATE_1000,
        "polarity": "lower_is_better",
        "source": "police.uk street-level crime (via gy23jx/GEOG5990); population from MHCLG IoD2019",
        "source_url": "https://data.police.uk/",
        "licence": OGL,
        "frequency": "annual",
        "period_type": PeriodType.FINANCIAL_YEAR,
    },
    {
        "key": "income-deprivation",
        "name": "Income deprivation",
        "definition": (
            "The share of people in the area living in a household on a low income, as the "
            "income domain of the English Indices of Deprivation 2019 counts them (out-of-work "
            "benefits, tax credits and Universal Credit, 2015)."
        ),
        "numerator_definition": "People in income deprivation (IoD2019 income domain numerator).",
        "denominator_definition": "Total population, mid-2015 (excluding prisoners).",
        "unit": Unit.PERCENTAGE,
        "polarity": "lower_is_better",
        "source": "MHCLG, English Indices of Deprivation 2019, Files 6 and 8",
        "source_url": "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
        "licence": OGL,
        "frequency": "one_off",
        "period_type": PeriodType.FINANCIAL_YEAR,
    },
    {
        "key": "idaci",
        "name": "Children in income-deprived families (IDACI)",
        "definition": (
            "The share of children aged 0 to 15 living in income-deprived families (IoD2019's "
            "IDACI). The published file leaves the count blank for some small areas, apparently "
            "where it is small; those areas are left out, so the figures overstate the rate a "
            "little."
        ),
        "numerator_definition": "Children aged 0–15 in income-deprived families (IDACI numerator).",
        "denominator_definition": "Children aged 0–15, mid-2015 (excluding prisoners).",
        "unit": Unit.PERCENTAGE,
        "polarity": "lower_is_better",
        "source": "MHCLG, English Indices of Deprivation 2019, Files 6 and 8",
        "source_url": "https://www.gov.uk/government/statistics/english-indices-of-deprivation-2019",
        "licence": OGL,
        "frequency": "one_off",
        "period_type": PeriodType.FINANCIAL_YEAR,
    },
    {
        "key": "dental-absence",
        "name": "Pupils absent for dental reasons",
        "definition": (
            "The share of pupils in the partnership's schools who missed at least one session in "
            "the year for a dental reason, as the schools record it. No open source publishes this: "
            "the values here are illustrative."
        ),
        "numerator_definition": "Pupils with at least one session missed for a dental reason.",
        "denominator_definition": "Pupils on roll in the partnership's schools.",
        "unit": Unit.PERCENTAGE,
        "polarity": "lower_is_better",
        "source": "Keighley schools' attendance records (illustrative values for the demo)",
        "licence": "Illustrative demonstration values: not data",
        "frequency": "annual",
        "period_type": PeriodType.ACADEMIC_YEAR,
        "illustrative": True,
    },
]

# Illustrative only: (period, pupils absent for a dental reason, pupils on roll) for the Keighley
# schools and for Bradford, five years so the trend can be worked out.
DENTAL_KEIGHLEY = [
    ("2019/20", 131, 2410),
    ("2020/21", 118, 2395),
    ("2021/22", 152, 2430),
    ("2022/23", 166, 2450),
    ("2023/24", 121, 2470),
]
DENTAL_BRADFORD = [
    ("2019/20", 3010, 92000),
    ("2020/21", 2890, 92400),
    ("2021/22", 3150, 92900),
    ("2022/23", 3240, 93100),
    ("2023/24", 3050, 93300),
]

CHOICES = {
    "keighley": [
        ("dental-absence", "dental reasons", "2022/23"),
        ("idaci", "food secure", ""),
        ("income-deprivation", "government vouchers", ""),
    ],
    "holme-wood": [
        ("street-crime-rate", "crime and antisocial behaviour reduces", ""),
        ("idaci", "", ""),
        ("income-deprivation", "", ""),
    ],
    "manningham-girlington": [
        ("idaci", "", ""),
        ("income-deprivation", "", ""),
        ("street-crime-rate", "", ""),
    ],
}


def _n(text: str) -> float | None:
    text = text.strip().replace(",", "")
    return float(text) if text else None


def _lsoa_figures(indicator, period: str, rows: dict[str, tuple[float, float]]) -> list[Figure]:
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
    num = sum(n for n, d in rows.values() if d)
    den = sum(d for _n, d in rows.values() if d)
    figures.append(
        Figure(
            indicator.pk,
            GeographyType.LOCAL_AUTHORITY,
            BRADFORD,
            None,
            label,
            start,
            num,
            den,
            num / den * indicator.multiplier,
            "The sum of Bradford's LSOAs.",
        )
    )
    return figures


def load_indicator_data(indicators: dict[str, Indicator], by=None) -> None:
    populations = {
        code: (population, children)
        for code, population, children in Deprivation.objects.filter(
            release__key="IoD2019", lsoa__la_code=BRADFORD
        ).values_list("lsoa__code", "population", "children")
    }
    figures: list[Figure] = []
    with (DATA / "bradford_lsoa11_street_crime_counts_2021-04_to_2022-03.csv").open() as f:
        crimes = {
            r["LSOA code"]: (float(r["number of crimes"]), populations[r["LSOA code"]][0])
            for r in csv.DictReader(f)
            if r["LSOA code"] in populations
        }
    figures += _lsoa_figures(indicators["street-crime-rate"], "2021/22", crimes)
    with (DATA / "iod2019_bradford_lsoa11_numerators.csv").open() as f:
        rows = [r for r in csv.DictReader(f) if r["lsoa11_code"] in populations]
    income = {
        r["lsoa11_code"]: (_n(r["income_domain_numerator"]), populations[r["lsoa11_code"]][0])
        for r in rows
        if _n(r["income_domain_numerator"]) is not None
    }
    idaci = {
        r["lsoa11_code"]: (
            _n(r["income_deprivation_affecting_children_index_idaci_numerator"]),
            populations[r["lsoa11_code"]][1],
        )
        for r in rows
        if _n(r["income_deprivation_affecting_children_index_idaci_numerator"]) is not None
    }
    figures += _lsoa_figures(indicators["income-deprivation"], "2015/16", income)
    figures += _lsoa_figures(indicators["idaci"], "2015/16", idaci)
    with (DATA / "iod2019_england_totals.csv").open() as f:
        for r in csv.DictReader(f):
            indicator = indicators[
                "income-deprivation" if r["measure"] == "income_domain" else "idaci"
            ]
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
    save_figures(figures=figures, partnership=None, by=by)


def load_demo(context) -> None:
    # Bradford's indicators: only a demo whose folder has measurement.yaml loads them.
    if not context.section("measurement"):
        return
    by = context.by
    keighley = context.partnerships["keighley"]
    la = keighley.local_authority
    indicators = {}
    for fields in INDICATORS:
        indicators[fields["key"]] = Indicator.objects.filter(
            local_authority=la, key=fields["key"]
        ).first() or services.define_indicator(local_authority=la, by=by, **fields)
    load_indicator_data(indicators, by=by)
    dental = indicators["dental-absence"]
    figures = []
    for rows, geography, code, partnership in (
        (DENTAL_KEIGHLEY, GeographyType.AREA, str(keighley.pk), keighley.pk),
        (DENTAL_BRADFORD, GeographyType.LOCAL_AUTHORITY, BRADFORD, None),
    ):
        for period, num, den in rows:
            label, start = parse_period(dental.period_type, period)
            figures.append(
                Figure(
                    dental.pk,
                    geography,
                    code,
                    partnership,
                    label,
                    start,
                    num,
                    den,
                    num / den * 100,
                    "Illustrative",
                )
            )
    save_figures(figures=figures, partnership=None, by=by)
    for slug, choices in CHOICES.items():
        partnership = context.partnerships[slug]
        outcomes = list(services.partnership_outcomes(partnership))
        for key, outcome_words, baseline in choices:
            linked = [o for o in outcomes if outcome_words and outcome_words in o.text]
            baseline_value = None
            if key == "dental-absence":
                base = next(r for r in DENTAL_KEIGHLEY if r[0] == baseline)
                baseline_value = round(base[1] / base[2] * 100, 1)
            services.choose_indicator(
                partnership=partnership,
                indicator=indicators[key],
                outcomes=linked,
                baseline_period=baseline,
                baseline_value=baseline_value,
                by=by,
            )
        services.record_data_evidence(partnership=partnership, by=by)
