"""Import boundaries (GeoJSON, WGS84 longitude/latitude) of 2011 or 2021 LSOAs or of wards, and
work out which LSOAs neighbour each other, so clusters of deprived LSOAs can be found later."""

import json
import re
from typing import IO

import shapely
from django.db import transaction
from django.utils.translation import gettext as _
from shapely.geometry import mapping, shape
from shapely.strtree import STRtree

from actlocally.core.audit import acting_as

from ..models import LSOA, Geography, Ward
from .base import LSOA_CODE, WARD_CODE, Errors, ImportRefused, ImportResult, RowError, text_of

# About 5 metres: keeps the map readable on old laptops while keeping neighbours touching.
SIMPLIFY_DEGREES = 0.00005
# Generalised boundaries can leave hairline gaps between neighbours.
TOUCHING_DEGREES = 0.00002
BATCH = 1000


def _code_property(properties: dict) -> tuple[str, str | None, str | None]:
    """(kind, code property, name property) from a feature's property names."""
    for key in properties:
        m = re.fullmatch(r"(?i)(LSOA(11|21)|WD\d{2})CD", key)
        if m:
            prefix = m.group(1)
            kind = {"LSOA11": Geography.LSOA11, "LSOA21": Geography.LSOA21}.get(
                prefix.upper(), "ward"
            )
            name = next((k for k in properties if k.upper() == f"{prefix.upper()}NM"), None)
            return kind, key, name
    return "", None, None


def rounded(geometry) -> str:
    simple = shapely.set_precision(geometry.simplify(SIMPLIFY_DEGREES), 0.00001)
    return json.dumps(mapping(simple), separators=(",", ":"))


def import_boundaries(*, source: IO | bytes, name: str, by=None) -> ImportResult:
    data = source.read() if hasattr(source, "read") else source
    try:
        collection = json.loads(text_of(data))
        features = collection["features"]
    except (ValueError, KeyError, TypeError):
        raise ImportRefused(
            [RowError(name, None, "", _("This is not a GeoJSON feature collection."))]
        ) from None
    if not features:
        raise ImportRefused([RowError(name, None, "", _("The file has no features."))])
    kind, code_key, name_key = _code_property(features[0].get("properties") or {})
    if not kind:
        raise ImportRefused(
            [
                RowError(
                    name,
                    1,
                    "LSOA11CD",
                    _(
                        "No property of codes: expected LSOA11CD, LSOA21CD or a ward code like WD25CD."
                    ),
                )
            ]
        )
    errors = Errors(name)
    shapes: dict[str, tuple] = {}
    pattern = WARD_CODE if kind == "ward" else LSOA_CODE
    for number, feature in enumerate(features, start=1):
        properties = feature.get("properties") or {}
        code = str(properties.get(code_key, "")).strip()
        if not pattern.match(code):
            errors.add(number, code_key, _("“%(code)s” is not a valid code.") % {"code": code})
            continue
        try:
            geometry = shape(feature["geometry"])
            if not geometry.is_valid:
                geometry = geometry.buffer(0)
        except (KeyError, TypeError, ValueError, AttributeError, shapely.errors.ShapelyError):
            errors.add(number, "geometry", _("The geometry cannot be read."))
            continue
        minx, miny, maxx, maxy = geometry.bounds
        if not (minx >= -9 and maxx <= 3 and miny >= 49 and maxy <= 61):
            errors.add(
                number,
                "geometry",
                _("Coordinates must be longitude and latitude (WGS84) within the UK."),
            )
            continue
        la = str(properties.get("LADCD_ACTIVE") or properties.get("LAD25CD") or "")
        shapes[code] = (geometry, str(properties.get(name_key, "") or "") if name_key else "", la)
        if errors.full:
            break
    errors.raise_if_any()

    with transaction.atomic(), acting_as(by):
        if kind == "ward":
            return _save_wards(shapes)
        return _save_lsoas(kind, shapes)


def _save_wards(shapes: dict[str, tuple]) -> ImportResult:
    result = ImportResult(kind=_("Ward boundaries"))
    existing = {w.code: w for w in Ward.objects.filter(code__in=shapes)}
    new, changed = [], []
    for code, (geometry, ward_name, la) in shapes.items():
        text = rounded(geometry)
        ward = existing.get(code)
        if ward is None:
            new.append(Ward(code=code, name=ward_name, la_code=la, geometry=text))
        elif ward.geometry != text:
            ward.geometry = text
            changed.append(ward)
        else:
            result.unchanged += 1
    Ward.objects.bulk_create(new, batch_size=BATCH)
    Ward.objects.bulk_update(changed, ["geometry"], batch_size=BATCH)
    result.created, result.updated = len(new), len(changed)
    return result


def _save_lsoas(geography: str, shapes: dict[str, tuple]) -> ImportResult:
    result = ImportResult(kind=_("LSOA boundaries (%(geo)s)") % {"geo": Geography(geography).label})
    existing = {
        row[0]: row[1:]
        for row in LSOA.objects.filter(geography=geography, code__in=shapes).values_list(
            "code", "pk", "geometry"
        )
    }
    new, changed = [], []
    for code, (geometry, lsoa_name, la) in shapes.items():
        text = rounded(geometry)
        point = geometry.representative_point()
        if code not in existing:
            new.append(
                LSOA(
                    geography=geography,
                    code=code,
                    name=lsoa_name,
                    la_code=la,
                    geometry=text,
                    latitude=round(point.y, 5),
                    longitude=round(point.x, 5),
                )
            )
        elif existing[code][1] != text:
            changed.append(
                LSOA(
                    pk=existing[code][0],
                    geometry=text,
                    latitude=round(point.y, 5),
                    longitude=round(point.x, 5),
                )
            )
        else:
            result.unchanged += 1
    LSOA.objects.bulk_create(new, batch_size=BATCH)
    LSOA.objects.bulk_update(changed, ["geometry", "latitude", "longitude"], batch_size=BATCH)
    result.created, result.updated = len(new), len(changed)
    pairs = adjacent_pairs(geography)
    result.notes.append(_("%(n)s pairs of neighbouring LSOAs") % {"n": len(pairs)})
    return result


def adjacent_pairs(geography: str) -> set[tuple[int, int]]:
    """Recompute which LSOAs of a geography touch (edge or corner), over every boundary loaded,
    and store both directions of each pair."""
    rows = list(
        LSOA.objects.filter(geography=geography).exclude(geometry="").values_list("pk", "geometry")
    )
    ids = [pk for pk, _g in rows]
    geometries = [shape(json.loads(g)) for _pk, g in rows]
    tree = STRtree(geometries)
    left, right = tree.query(geometries, predicate="dwithin", distance=TOUCHING_DEGREES)
    pairs = {(ids[a], ids[b]) for a, b in zip(left.tolist(), right.tolist(), strict=True) if a != b}
    through = LSOA.neighbours.through
    through.objects.filter(from_lsoa__geography=geography).delete()
    through.objects.bulk_create(
        [through(from_lsoa_id=a, to_lsoa_id=b) for a, b in pairs], batch_size=BATCH
    )
    return pairs
