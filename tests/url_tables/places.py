"""Access rules and URLs of the places pages (deprivation data, areas of focus, asset maps)."""

from actlocally.partnerships.models import Role
from tests import factories

from .foundation import MANAGERS, partnership_rule

ACCESS = {
    "places_import": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone", Role.RESEARCH_PARTNER}
        else 403
    ),
    "define_area": partnership_rule(MANAGERS | {Role.RESEARCH_PARTNER}),
}


def la(w):
    return {"la": "E08000032"}


def slug(w):
    return {"slug": "keighley"}


def with_asset(w):
    found = w.keighley.assets.first()
    return {
        "slug": "keighley",
        "pk": (found or factories.AssetFactory(partnership=w.keighley)).pk,
    }


URLS = {
    # With no data loaded the open-data pages say so (200); tests/test_places_pages.py loads data.
    "places": (lambda w: {}, "signed_in"),
    "places_ranking": (la, "signed_in"),
    # GET shows what the England-wide export holds; the button posts to start it.
    "places_ranking_export": (lambda w: {}, "signed_in"),
    "places_map": (la, "signed_in"),
    "places_suggestions": (la, "signed_in"),
    "places_map_geojson": (la, "signed_in"),
    "places_upload": (lambda w: {}, "places_import"),
    "area_profile": (slug, "view"),
    "area_define": (slug, "define_area"),
    "area_release": (slug, "define_area"),
    "area_assets": (slug, "view"),
    "asset_new": (slug, "manage"),
    "asset_edit": (with_asset, "manage"),
    "asset_remove": (with_asset, "manage"),
    "area_geojson": (slug, "view"),
}
