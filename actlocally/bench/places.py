"""Places speed with all of England loaded: importing IoD2019 (Files 1, 2, 6 and the scores),
aggregating every ward in England, and the area-profile and ranking pages. Reads the full England
files from shared/data (skipped when they are not there)."""

import time
from pathlib import Path

from . import benchmark, median_ms
from .pages import signed_in_client

ENGLAND = Path(__file__).resolve().parents[3] / "shared" / "data"
if not ENGLAND.exists():
    ENGLAND = Path("/work/shared/data")
FILES = [
    "imd2019/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv",
    "imd2019/File_2_-_IoD2019_Domains_of_Deprivation.csv",
    "imd2019/File_6_-_IoD2019_Population_Denominators.csv",
    "imd2019/imd2019_for_aow.csv",
]


def _england_loaded() -> None:
    from actlocally.places.importers import import_deprivation, import_lookup
    from actlocally.places.models import LSOA

    if LSOA.objects.filter(geography="lsoa11", deprivation__isnull=False).count() < 30000:
        import_deprivation(
            release_key="IoD2019",
            year=2019,
            geography="lsoa11",
            files=[(Path(f).name, (ENGLAND / f).read_bytes()) for f in FILES],
        )
    if LSOA.objects.filter(geography="lsoa11", ward__isnull=False).count() < 30000:
        path = ENGLAND / "lookups/LSOA11_WD19_LAD19_EW_LU.csv"
        import_lookup(source=path.read_bytes(), name=path.name)


@benchmark("import-england-iod2019", unit="s", target="under 20 s (all 32,844 LSOAs, every domain)")
def import_england_iod2019() -> float:
    from actlocally.places.importers import import_deprivation

    files = [(Path(f).name, (ENGLAND / f).read_bytes()) for f in FILES]
    start = time.perf_counter()
    import_deprivation(release_key="IoD2019", year=2019, geography="lsoa11", files=files)
    return time.perf_counter() - start


@benchmark("aggregate-england-wards", unit="s", target="under 2 s (every ward in England)")
def aggregate_england_wards() -> float:
    from actlocally.places.selectors import choose_release, ranking

    _england_loaded()
    release = choose_release("IoD2019")
    start = time.perf_counter()
    rows = ranking(release, "imd", "ward", None)
    elapsed = time.perf_counter() - start
    assert len(rows) > 6000
    return elapsed


@benchmark("area-profile-page", unit="ms", target="under 200 ms (median, warm, all England loaded)")
def area_profile_page() -> float:
    _england_loaded()
    client = signed_in_client("coordinator@example.org")

    def fetch():
        response = client.get("/partnerships/keighley/area/?release=IoD2019")
        assert response.status_code == 200

    return median_ms(fetch)


@benchmark("ranking-page", unit="ms", target="under 200 ms (median, warm, all England loaded)")
def ranking_page() -> float:
    _england_loaded()
    client = signed_in_client("coordinator@example.org")

    def fetch():
        response = client.get("/places/E08000032/ranking/?release=IoD2019")
        assert response.status_code == 200

    return median_ms(fetch)
