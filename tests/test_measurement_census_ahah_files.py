"""The shipped Census 2021 and AHAH files: Bradford's 2011 LSOAs, and comparators that agree."""

import csv
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "actlocally" / "measurement" / "data"


def _rows(name):
    with (DATA / name).open() as f:
        return list(csv.DictReader(f))


def _comparators():
    return {(r["measure"], r["geography"]): r for r in _rows("census_ahah_comparators.csv")}


def test_each_lsoa_file_has_bradfords_310_lsoas_of_2011():
    for name in ("ahah_v3_bradford_lsoa11.csv", "census2021_bradford_lsoa11.csv"):
        assert len({r["lsoa11_code"] for r in _rows(name)}) == 310


def test_ahah_and_density_have_a_bradford_and_an_england_comparator():
    found = _comparators()
    for measure in ("ahah_index", "ahah_health", "density"):
        assert {(measure, "E08000032"), (measure, "E92000001")} <= set(found)


def test_bradfords_working_from_home_is_the_sum_of_its_lsoas():
    rows = _rows("census2021_bradford_lsoa11.csv")
    bradford = _comparators()[("works_from_home", "E08000032")]
    assert int(bradford["numerator"]) == sum(int(r["works_from_home"]) for r in rows)
    assert int(bradford["denominator"]) == sum(int(r["in_work"]) for r in rows)
