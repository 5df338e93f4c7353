"""Reads for the places pages: rankings of wards and LSOAs, area profiles, suggested clusters and
maps. Each answers in a fixed number of queries, however many LSOAs are loaded."""

from .area import (
    area_evidence,
    area_facts,
    area_lsoa_ids,
    area_profile,
    england_figure,
    facts_from_profile,
    published_england,
    summarise,
)
from .maps import (
    asset_map,
    clusters,
    geojson_features,
    public_area_map,
    schools_list_loaded,
    search_assets,
)
from .ranking import SORTS, Row, lsoa_rows, measure_choices, ranking, score_label, ward_rows
from .releases import (
    choose_release,
    decile_of,
    local_authorities,
    quoted_release,
    release_reason,
    releases,
)

__all__ = [
    "SORTS",
    "Row",
    "area_evidence",
    "area_facts",
    "area_lsoa_ids",
    "area_profile",
    "asset_map",
    "choose_release",
    "clusters",
    "decile_of",
    "england_figure",
    "facts_from_profile",
    "geojson_features",
    "local_authorities",
    "lsoa_rows",
    "measure_choices",
    "public_area_map",
    "published_england",
    "quoted_release",
    "ranking",
    "release_reason",
    "releases",
    "schools_list_loaded",
    "score_label",
    "search_assets",
    "summarise",
    "ward_rows",
]
