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
from .base import LA_CODE, LSOA_CODE, WARD_CODE, Errors, ImportResult, refuse, text_of

# About 5 metres: keeps the map readable on old laptops while keeping neighbours touching.
SIMPLIFY_DEGREES = 0.00005
# Generalised boundaries can leave hairline gaps between neighbours.
TOUCHING_DEGREES = 0.00002
BATCH = 1000


def _code_property(properties) -> tuple[str, str | None, str | None]:
    """(kind, code property, name property) from a feature's property names."""
    if not isinstance(properties, dict):
        return "", None, None
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


class _NotJson(ValueError):
    """NaN or Infinity: Python's reader takes them, JSON has no such numbers."""


def _no_constant(text: str):
    raise _NotJson(text)


def _load(data: bytes | str, name: str):
    text = text_of(data, name)
    try:
        return json.loads(text, parse_constant=_no_constant)
    except RecursionError:
        refuse(name, None, _("the whole file"), _("The JSON is nested too deeply to be GeoJSON."))
    except _NotJson as e:
        line = text[: max(text.find(str(e)), 0)].count("\n") + 1
        refuse(
            name,
            None,
            _("line %(line)s") % {"line": line},
            _("%(word)s is not a JSON number: coordinates are plain numbers.") % {"word": e},
        )
    except ValueError as e:
        line = e.lineno if isinstance(e, json.JSONDecodeError) else 1
        refuse(
            name,
            None,
            _("line %(line)s") % {"line": line},
            _("This is not JSON: %(why)s.") % {"why": str(e)[:100]},
        )


def import_boundaries(*, source: IO | bytes, name: str, by=None) -> ImportResult:
    data = source.read() if hasattr(source, "read") else source
    collection = _load(data, name)
    if not isinstance(collection, dict) or collection.get("type") != "FeatureCollection":
        refuse(
            name,
            None,
            "type",
            _("This is not a GeoJSON feature collection: expected {“type”: “FeatureCollection”}."),
        )
    features = collection.get("features")
    if not isinstance(features, list):
        refuse(name, None, "features", _("“features” must be a list of features."))
    if not features:
        refuse(name, None, "features", _("The file has no features."))
    first = features[0]
    kind, code_key, name_key = _code_property(
        first.get("properties") if isinstance(first, dict) else None
    )
    if not kind:
        refuse(
            name,
            None,
            "features[0].properties",
            _("No property of codes: expected LSOA11CD, LSOA21CD or a ward code like WD25CD."),
        )
    errors = Errors(name)
    shapes: dict[str, tuple] = {}
    first_seen: dict[str, int] = {}
    pattern = WARD_CODE if kind == "ward" else LSOA_CODE
    for index, feature in enumerate(features):
        path = f"features[{index}]"
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            errors.add(None, path, _("Expected a feature: {“type”: “Feature”, …}."))
            continue
        properties = feature.get("properties")
        if not isinstance(properties, dict):
            errors.add(None, f"{path}.properties", _("Expected an object of properties."))
            continue
        code = properties.get(code_key)
        if not isinstance(code, str) or not pattern.match(code.strip()):
            errors.add(
                None,
                f"{path}.properties.{code_key}",
                _("“%(code)s” is not a valid code.") % {"code": str(code)[:40]},
            )
            continue
        code = code.strip()
        if code in first_seen:
            errors.add(
                None,
                f"{path}.properties.{code_key}",
                _("%(code)s appears twice: in features[%(first)s] and here.")
                % {"code": code, "first": first_seen[code]},
            )
            continue
        first_seen[code] = index
        area_name = properties.get(name_key) if name_key else ""
        area_name = "" if area_name is None else area_name
        if not isinstance(area_name, str) or "\x00" in area_name or len(area_name) > 200:
            errors.add(
                None,
                f"{path}.properties.{name_key}",
                _("The name must be text of at most 200 characters."),
            )
            continue
        la = properties.get("LADCD_ACTIVE") or properties.get("LAD25CD") or ""
        if not isinstance(la, str) or (la and not LA_CODE.match(la)):
            errors.add(
                None,
                f"{path}.properties.LAD25CD",
                _("“%(code)s” is not a local authority code (like E08000032).")
                % {"code": str(la)[:40]},
            )
            continue
        geometry = _geometry(feature.get("geometry"), f"{path}.geometry", errors)
        if geometry is not None:
            shapes[code] = (geometry, area_name.strip(), la)
    errors.raise_if_any()

    with transaction.atomic(), acting_as(by):
        if kind == "ward":
            return _save_wards(shapes)
        return _save_lsoas(kind, shapes)


def _geometry(raw, path: str, errors: Errors):
    """A feature's (multi)polygon, made valid, or None after noting what is wrong with it."""
    if not isinstance(raw, dict) or raw.get("type") not in ("Polygon", "MultiPolygon"):
        errors.add(None, path, _("Expected a Polygon or MultiPolygon geometry."))
        return None
    try:
        geometry = shape(raw)
        minx, miny, maxx, maxy = geometry.bounds
    except (
        KeyError,
        TypeError,
        ValueError,
        AttributeError,
        IndexError,
        RecursionError,
        shapely.errors.ShapelyError,
    ):
        errors.add(
            None,
            f"{path}.coordinates",
            _("The coordinates cannot be read: expected rings of [longitude, latitude] pairs."),
        )
        return None
    # Checked before any repair: far-off (or infinite) coordinates overflow the arithmetic.
    if geometry.is_empty or not (minx >= -9 and maxx <= 3 and miny >= 49 and maxy <= 61):
        errors.add(
            None,
            f"{path}.coordinates",
            _("Coordinates must be longitude and latitude (WGS84) within the UK."),
        )
        return None
    if not geometry.is_valid:
        geometry = geometry.buffer(0)
        if geometry.is_empty:
            errors.add(None, f"{path}.coordinates", _("The boundary encloses no area."))
            return None
    return geometry


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
