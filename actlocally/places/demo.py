"""The Bradford demo's places data: Bradford's rows of the open data shipped in data/bradford/,
each partnership's area of focus defined from it, and the schools the source material names."""

from pathlib import Path

from .importers import carry_populations, import_boundaries, import_deprivation, import_lookup
from .models import LSOA, FocusArea, Geography, Release, School
from .services import set_focus_area, set_quoted_release

DATA = Path(__file__).resolve().parent / "data" / "bradford"
IOD2019 = [
    "File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv",
    "File_2_-_IoD2019_Domains_of_Deprivation.csv",
    "File_6_-_IoD2019_Population_Denominators.csv",
    "imd2019_for_aow.csv",
]
GEOGRAPHY = [
    "LSOA11_WD19_LAD19_EW_LU.csv",
    "LSOA21_WD24_LAD24_EW_LU_geographr.csv",
    "LSOA11_LSOA21_LAD22_EW_LU_geographr.csv",
    "bradford_E08000032_lsoa11.geojson",
    "bradford_E08000032_lsoa21.geojson",
    "bradford_E08000032_wards_2025.geojson",
]
MANNINGHAM = "E05001359"
CITY = "E05001347"
KEIGHLEY_CENTRAL = "E05001355"
TONG = "E05001365"


def load_bradford_data(by=None) -> None:
    import_deprivation(
        release_key="IoD2019",
        year=2019,
        geography=Geography.LSOA11,
        files=[(name, (DATA / name).read_bytes()) for name in IOD2019],
        by=by,
    )
    name = "imd2025_england_lsoa21_humaniverse.csv"
    import_deprivation(
        release_key="IoD2025",
        year=2025,
        geography=Geography.LSOA21,
        files=[(name, (DATA / name).read_bytes())],
        by=by,
    )
    for name in GEOGRAPHY:
        importer = import_boundaries if name.endswith(".geojson") else import_lookup
        importer(source=(DATA / name).read_bytes(), name=name, by=by)
    carry_populations()


def holme_wood_cluster() -> list[LSOA]:
    """Tong ward's LSOAs in the most deprived national decile that touch each other: the Holme
    Wood estate, found from data alone."""
    from .selectors import choose_release, clusters

    release = choose_release("IoD2019")
    tong = set(
        LSOA.objects.filter(geography=Geography.LSOA11, ward__code=TONG).values_list(
            "pk", flat=True
        )
    )
    inside = [c for c in clusters(release, "E08000032") if tong & set(c["lsoa_ids"])]
    biggest = max(inside, key=lambda c: len(tong & set(c["lsoa_ids"])))
    return list(LSOA.objects.filter(pk__in=tong & set(biggest["lsoa_ids"])))


def girlington_part_of_city() -> list[LSOA]:
    """City ward's LSOAs named for Girlington are not marked in any ONS file: the LSOAs of City
    ward that border Manningham ward stand in for it."""
    return list(
        LSOA.objects.filter(
            geography=Geography.LSOA11,
            ward__code=CITY,
            neighbours__ward__code=MANNINGHAM,
        ).distinct()
    )


def load_demo(context) -> None:
    load_bradford_data(by=context.by)
    p = context.partnerships
    by = context.by
    ward = lambda code: list(LSOA.objects.filter(geography=Geography.LSOA11, ward__code=code))  # noqa: E731
    set_focus_area(
        partnership=p["keighley"],
        geography=Geography.LSOA11,
        lsoas=ward(KEIGHLEY_CENTRAL),
        method="wards",
        how_chosen="Keighley Central ward, one of the District's areas of multiple deprivation.",
        by=by,
    )
    set_focus_area(
        partnership=p["manningham-girlington"],
        geography=Geography.LSOA11,
        lsoas=ward(MANNINGHAM) + girlington_part_of_city(),
        method="map",
        how_chosen=(
            "Manningham ward, and for Girlington (a defined area within City ward) the LSOAs of "
            "City ward that border Manningham ward. No ONS file marks Girlington, so this is an "
            "approximation for the partnership to check on the map."
        ),
        by=by,
    )
    set_focus_area(
        partnership=p["holme-wood"],
        geography=Geography.LSOA11,
        lsoas=holme_wood_cluster(),
        method="suggestion",
        how_chosen=(
            "The cluster of neighbouring LSOAs in the most deprived 10% nationally inside Tong "
            "ward: the Holme Wood estate."
        ),
        by=by,
    )
    # The source material quotes IoD2019: each partnership keeps quoting it (IoD2025 is loaded
    # beside it for comparison).
    iod2019 = Release.objects.get(key="IoD2019")
    for partnership in p.values():
        if FocusArea.objects.filter(partnership=partnership).exists():
            set_quoted_release(partnership=partnership, release=iod2019, by=by)
    # Only the schools the source material names, with only what it says: no URN, no address.
    orgs = context.organisations
    for name in ("Dixons Allerton Academy", "Oastlers School"):
        School.objects.get_or_create(name=name, urn=None, defaults={"organisation": orgs.get(name)})
