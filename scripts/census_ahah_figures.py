"""Cut the Census 2021 and AHAH tables down to Bradford's 2011 LSOAs, with comparators.

The demo's focus areas are 2011 LSOAs and measurement sums an area from its LSOAs' rows, so every
figure is carried to 2011 LSOAs here: Census 2021 rows (2021 LSOAs) through the ONS LSOA 2011 to
2021 lookup (Bradford: 308 unchanged, 4 split; a split LSOA's counts are summed back, its density
is the mean of its parts' densities). England's and Bradford's comparators are worked out from
the full files at copy time (the repo keeps only Bradford's rows). Writes, in
actlocally/measurement/data/:

- `ahah_v3_bradford_lsoa11.csv`: AHAH v3 overall index score and health services domain score;
- `census2021_bradford_lsoa11.csv`: TS006 density, TS058 people in work, working mainly from
  home and travelling under 2 km;
- `census_ahah_comparators.csv`: each measure's Bradford and England figure (a mean over LSOAs,
  each counting once, or a numerator and denominator).

Run: python scripts/census_ahah_figures.py /work/shared/data
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "actlocally" / "measurement" / "data"
BRADFORD = "E08000032"
ENGLAND = "E92000001"


def _rows(path: Path):
    with path.open(encoding="utf-8-sig") as f:
        yield from csv.DictReader(f)


def main(shared: Path) -> None:
    lookups = shared / "lookups"
    indicators = shared / "indicators"
    bradford11 = {
        r["LSOA11CD"]
        for r in _rows(lookups / "LSOA11_WD19_LAD19_EW_LU.csv")
        if r["LAD19CD"] == BRADFORD
    }
    to11 = defaultdict(list)  # 2011 LSOA -> its 2021 LSOAs, Bradford only
    for r in _rows(lookups / "LSOA11_LSOA21_LAD22_EW_LU_geographr.csv"):
        if r["lsoa11_code"] in bradford11:
            to11[r["lsoa11_code"]].append(r["lsoa21_code"])
    comparators = []

    # AHAH v3 (2011 LSOAs, Great Britain): England is its E01 rows.
    ahah = {r["lsoa11"]: r for r in _rows(indicators / "ahah_v3_lsoa11_england_GEOG5990.csv")}
    with (OUT / "ahah_v3_bradford_lsoa11.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["lsoa11_code", "ahah_index_score", "health_services_domain_score"])
        for code in sorted(bradford11):
            out.writerow([code, ahah[code]["ah3ahah"], ahah[code]["ah3h"]])
    for measure, column in (("ahah_index", "ah3ahah"), ("ahah_health", "ah3h")):
        for geography, codes in (
            (BRADFORD, bradford11),
            (ENGLAND, [c for c in ahah if c.startswith("E01")]),
        ):
            values = [float(ahah[c][column]) for c in codes]
            comparators.append([measure, geography, len(values), round(sum(values), 6), ""])

    # TS006 density (2021 LSOAs, England and Wales): England is its E01 rows.
    column = "Population Density: Persons per square kilometre; measures: Value"
    density = {
        r["geography code"]: float(r[column])
        for r in _rows(indicators / "census2021_TS006_population_density_lsoa21_ew.csv")
    }
    england21 = [v for c, v in density.items() if c.startswith("E01")]
    bradford21 = [density[c] for parts in to11.values() for c in parts]
    comparators.append(["density", BRADFORD, len(bradford21), round(sum(bradford21), 6), ""])
    comparators.append(["density", ENGLAND, len(england21), round(sum(england21), 6), ""])

    # TS058 distance to work (Bradford only: no England comparator in the shared data).
    work = {}
    for r in csv.reader(
        (indicators / "census2021_TS058_distance_to_work_bradford_lsoa21.csv").open()
    ):
        if len(r) > 20 and r[1].startswith("E01"):
            work[r[1]] = (int(r[2]), int(r[20]), int(r[4]))  # in work, from home, under 2 km
    with (OUT / "census2021_bradford_lsoa11.csv").open("w", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "lsoa11_code",
                "lsoa21_codes",
                "population_density",
                "in_work",
                "works_from_home",
                "under_2km",
            ]
        )
        for code in sorted(to11):
            parts = sorted(to11[code])
            mean = sum(density[c] for c in parts) / len(parts)
            sums = [sum(work[c][i] for c in parts) for i in range(3)]
            out.writerow([code, " ".join(parts), round(mean, 1), *sums])
    for i, measure in ((1, "works_from_home"), (2, "under_2km")):
        comparators.append(
            [
                measure,
                BRADFORD,
                len(work),
                sum(v[i] for v in work.values()),
                sum(v[0] for v in work.values()),
            ]
        )

    with (OUT / "census_ahah_comparators.csv").open("w", newline="") as f:
        out = csv.writer(f)
        # A mean's numerator is the sum of its LSOAs' values and its denominator their number;
        # a share's numerator and denominator are people.
        out.writerow(["measure", "geography", "lsoas", "numerator", "denominator"])
        for measure, geography, lsoas, numerator, denominator in comparators:
            out.writerow([measure, geography, lsoas, numerator, denominator or lsoas])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
