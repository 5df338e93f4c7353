"""The demo's places data: reads places.yaml of the demo's data folder (see demo/loader.py).

It loads the open data files the folder names (shipped in the repository, like places/data/
bradford/), defines each partnership's area of focus from them, quotes the release the source
material quotes, and adds the schools and assets the source names, with only what it says.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Avg

from .importers import carry_populations, import_boundaries, import_lookup
from .importers import import_deprivation as import_deprivation_files
from .models import LSOA, FocusArea, Release, School
from .services import add_asset, set_focus_area, set_quoted_release

PACKAGE = Path(__file__).resolve().parent.parent


def load_demo(context) -> None:
    data = context.section("places")
    if not data:
        return
    by = context.by
    files = PACKAGE / data["open_data"]
    for release in data.get("releases", []):
        import_deprivation_files(
            release_key=release["key"],
            year=release["year"],
            geography=release["geography"],
            files=[(name, (files / name).read_bytes()) for name in release["files"]],
            by=by,
        )
    for name in data.get("geography", []):
        importer = import_boundaries if name.endswith(".geojson") else import_lookup
        importer(source=(files / name).read_bytes(), name=name, by=by)
    carry_populations()
    la_code = context.data["authority"]["local_authority"]["code"]
    for slug, area in data.get("areas", {}).items():
        set_focus_area(
            partnership=context.partnerships[slug],
            geography=area["geography"],
            lsoas=_lsoas(area, la_code),
            method=area["method"],
            how_chosen=area.get("how_chosen", ""),
            by=by,
        )
    if data.get("quoted_release"):
        release = Release.objects.get(key=data["quoted_release"])
        for partnership in context.partnerships.values():
            if FocusArea.objects.filter(partnership=partnership).exists():
                set_quoted_release(partnership=partnership, release=release, by=by)
    orgs = context.organisations
    for school in data.get("schools", []):
        # No URN unless the data gives a real one: a name alone is matched on its name.
        School.objects.get_or_create(
            name=school["name"],
            urn=school.get("urn"),
            defaults={"organisation": orgs.get(school["name"])},
        )
    for slug, assets in data.get("assets", {}).items():
        for asset in assets:
            latitude, longitude = _approximate_position(asset.get("near_ward"))
            add_asset(
                partnership=context.partnerships[slug],
                kind=asset["kind"],
                name=asset["name"],
                description=asset.get("description", ""),
                latitude=latitude,
                longitude=longitude,
                organisation=orgs.get(asset.get("organisation", asset["name"])),
                by=by,
            )


def _lsoas(area: dict, la_code: str) -> list[LSOA]:
    """The LSOAs an area's data names: whole wards, the LSOAs of a ward that border another
    ward, or the largest deprived cluster inside a ward (found from the data alone)."""
    chosen = LSOA.objects.filter(geography=area["geography"])
    spec = area["lsoas"]
    found = list(chosen.filter(ward__code__in=spec.get("wards", [])))
    if "bordering" in spec:
        found += list(
            chosen.filter(
                ward__code=spec["bordering"]["ward"],
                neighbours__ward__code=spec["bordering"]["borders"],
            ).distinct()
        )
    if "deprived_cluster_in_ward" in spec:
        cluster = spec["deprived_cluster_in_ward"]
        found += _deprived_cluster(chosen, cluster["ward"], cluster["release"], la_code)
    if not found:
        raise ImproperlyConfigured(f"No LSOAs match {spec}: are the open data files loaded?")
    return found


def _deprived_cluster(lsoas, ward_code: str, release_key: str, la_code: str) -> list[LSOA]:
    """The ward's LSOAs in the most deprived national decile that touch each other (for Bradford,
    Tong ward's cluster is the Holme Wood estate)."""
    from .selectors import choose_release, clusters

    release = choose_release(release_key)
    ward = set(lsoas.filter(ward__code=ward_code).values_list("pk", flat=True))
    inside = [c for c in clusters(release, la_code) if ward & set(c["lsoa_ids"])]
    biggest = max(inside, key=lambda c: len(ward & set(c["lsoa_ids"])))
    return list(LSOA.objects.filter(pk__in=ward & set(biggest["lsoa_ids"])))


def _approximate_position(ward_code: str | None) -> tuple[float | None, float | None]:
    """The middle of a ward's LSOA centres: where an asset is placed when the source says only
    roughly where it is (its description says so)."""
    if not ward_code:
        return None, None
    middle = LSOA.objects.filter(ward__code=ward_code).aggregate(
        latitude=Avg("latitude"), longitude=Avg("longitude")
    )
    return middle["latitude"], middle["longitude"]
