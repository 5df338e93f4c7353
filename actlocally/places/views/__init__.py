"""Places pages: rankings, maps and suggested areas (open data), uploads, and a partnership's
area profile, area definition and asset map."""

from .area import (
    area_assets,
    area_define,
    area_geojson,
    area_profile,
    area_public_geojson,
    area_release,
    asset_edit,
    asset_new,
    asset_remove,
)
from .deprivation import (
    DEFAULT_LA,
    index,
    map_geojson,
    map_page,
    ranking,
    ranking_export,
    suggestions,
    upload,
    write_ranking_csv,
)

__all__ = [
    "DEFAULT_LA",
    "area_assets",
    "area_define",
    "area_geojson",
    "area_profile",
    "area_public_geojson",
    "area_release",
    "asset_edit",
    "asset_new",
    "asset_remove",
    "index",
    "map_geojson",
    "map_page",
    "ranking",
    "ranking_export",
    "suggestions",
    "upload",
    "write_ranking_csv",
]
