"""Compute England's figures for each IoD release from the England-wide files, for the area page.

The demo loads only Bradford's LSOAs, so England's averages cannot be computed from the database.
This reads MHCLG's England-wide files once and writes actlocally/places/data/england.json, with
England's figure for each measure worked out the way the area page works out an area's: the mean
over all LSOAs weighted by IoD2019 File 6 mid-2015 population (the IoD's own denominators), carried
to 2021 LSOAs through the ONS lookup for IoD2025 (a split LSOA's people shared equally).

Run: python scripts/england_figures.py /work/shared/data
"""

import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "actlocally" / "places" / "data" / "england.json"

# IoD2019 File 2 / File 1 / imd2019_for_aow headers, and IoD2025 (File 7 fields) headers.
IOD2019_RANKS = {
    "imd": (
        "File_1",
        "Index of Multiple Deprivation (IMD) Rank",
        "Index of Multiple Deprivation (IMD) Decile",
    ),
    "income": (
        "File_2",
        "Income Rank (where 1 is most deprived)",
        "Income Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "employment": (
        "File_2",
        "Employment Rank (where 1 is most deprived)",
        "Employment Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "education": (
        "File_2",
        "Education, Skills and Training Rank (where 1 is most deprived)",
        "Education, Skills and Training Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "health": (
        "File_2",
        "Health Deprivation and Disability Rank (where 1 is most deprived)",
        "Health Deprivation and Disability Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "crime": (
        "File_2",
        "Crime Rank (where 1 is most deprived)",
        "Crime Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "barriers": (
        "File_2",
        "Barriers to Housing and Services Rank (where 1 is most deprived)",
        "Barriers to Housing and Services Decile (where 1 is most deprived 10% of LSOAs)",
    ),
    "environment": (
        "File_2",
        "Living Environment Rank (where 1 is most deprived)",
        "Living Environment Decile (where 1 is most deprived 10% of LSOAs)",
    ),
}
IOD2025 = {
    "imd": "IMD",
    "income": "Income",
    "employment": "Employment",
    "education": "Education",
    "health": "Health",
    "crime": "Crime",
    "barriers": "Housing_and_Services",
    "environment": "Environment",
}


def rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def number(text: str) -> float:
    return float(text.replace(",", ""))


def weighted(values: dict[str, float], weights: dict[str, float]) -> float:
    total = sum(weights[c] for c in values)
    return sum(v * weights[c] for c, v in values.items()) / total


def figures(values: dict[str, dict], weights: dict[str, float]) -> dict:
    """England's weighted mean of each scale of a measure, and its share of LSOAs in decile 1."""
    out = {}
    for scale in ("score", "rank"):
        if values.get(scale):
            out[scale] = round(weighted(values[scale], weights), 4)
    deciles = values["decile"]
    out["share_d1"] = round(sum(1 for d in deciles.values() if d == 1) / len(deciles), 4)
    return out


def main(data: Path) -> None:
    imd19 = data / "imd2019"
    population = {
        r["LSOA code (2011)"]: number(r["Total population: mid 2015 (excluding prisoners)"])
        for r in rows(imd19 / "File_6_-_IoD2019_Population_Denominators.csv")
    }
    files = {
        "File_1": rows(imd19 / "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"),
        "File_2": rows(imd19 / "File_2_-_IoD2019_Domains_of_Deprivation.csv"),
    }
    scores = {
        r["LSOA11CD"]: number(r["IMD_2019_score"]) for r in rows(imd19 / "imd2019_for_aow.csv")
    }
    iod2019 = {}
    for key, (file, rank, decile) in IOD2019_RANKS.items():
        values = {
            "rank": {r["LSOA code (2011)"]: number(r[rank]) for r in files[file]},
            "decile": {r["LSOA code (2011)"]: int(number(r[decile])) for r in files[file]},
        }
        if key == "imd":
            values["score"] = scores
        iod2019[key] = figures(values, population)

    parts = Counter()
    links = [
        (r["lsoa11_code"], r["lsoa21_code"])
        for r in rows(data / "lookups" / "LSOA11_LSOA21_LAD22_EW_LU_geographr.csv")
        if r["lsoa21_code"].startswith("E")
    ]
    for lsoa11, _lsoa21 in links:
        parts[lsoa11] += 1
    carried = defaultdict(float)
    for lsoa11, lsoa21 in links:
        if lsoa11 in population:
            carried[lsoa21] += population[lsoa11] / parts[lsoa11]
    carried = {code: round(p) for code, p in carried.items()}
    table = rows(data / "imd2025" / "imd2025_england_lsoa21_humaniverse.csv")
    iod2025 = {}
    for key, prefix in IOD2025.items():
        values = {
            scale: {r["lsoa21_code"]: number(r[f"{prefix}_{scale}"]) for r in table}
            for scale in ("score", "rank")
        }
        values["decile"] = {r["lsoa21_code"]: int(number(r[f"{prefix}_decile"])) for r in table}
        iod2025[key] = figures(values, carried)

    result = {
        "_about": (
            "England's figure for each measure: the mean over all LSOAs weighted by IoD2019 File 6 "
            "mid-2015 population (carried to 2021 LSOAs through the ONS lookup for IoD2025), and "
            "the share of LSOAs in the most deprived national decile. Written by "
            "scripts/england_figures.py from MHCLG's England-wide files (OGL v3.0)."
        ),
        "IoD2019": {
            "lsoas": len(population),
            "population": round(sum(population.values())),
            "measures": iod2019,
        },
        "IoD2025": {
            "lsoas": len(table),
            "population": round(sum(carried.get(r["lsoa21_code"], 0) for r in table)),
            "measures": iod2025,
        },
    }
    OUT.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
