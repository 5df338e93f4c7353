"""Import open schools from DfE's Get Information About Schools (GIAS) establishment CSV.

Each open school is placed in its LSOA: the file's "LSOA (code)" where given, otherwise the LSOA
whose boundary holds its Easting/Northing (British National Grid)."""

import json
from functools import cache
from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from actlocally.core.audit import acting_as

from ..models import LSOA, School
from .base import (
    LSOA_CODE,
    Errors,
    ImportRefused,
    ImportResult,
    RowError,
    cell,
    normalise,
    parse_float,
    parse_int,
    read_csv,
)

COLUMNS = {
    "urn": "URN",
    "name": "EstablishmentName",
    "type_name": "TypeOfEstablishment (name)",
    "phase": "PhaseOfEducation (name)",
    "status": "EstablishmentStatus (name)",
    "postcode": "Postcode",
    "easting": "Easting",
    "northing": "Northing",
    "lsoa": "LSOA (code)",
    "la_code": "DistrictAdministrative (code)",
}
OPEN = {"open", "open, but proposed to close"}
BATCH = 1000


@cache
def _to_wgs84() -> Transformer:
    return Transformer.from_crs("EPSG:27700", "EPSG:4326", always_xy=True)


def import_schools(*, source: IO | bytes, name: str, by=None) -> ImportResult:
    headers, rows = read_csv(source, name)
    positions = {normalise(h): i for i, h in enumerate(headers)}
    at = {}
    missing = []
    for key, header in COLUMNS.items():
        if normalise(header) in positions:
            at[key] = positions[normalise(header)]
        else:
            missing.append(header)
    if missing:
        raise ImportRefused(
            [RowError(name, 1, header, _("No such column in the file.")) for header in missing]
        )
    errors = Errors(name)
    schools: dict[int, dict] = {}
    closed: set[int] = set()
    for number, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        try:
            urn = parse_int(cell(row, at["urn"]))
        except ValueError as e:
            errors.add(number, COLUMNS["urn"], str(e))
            continue
        if cell(row, at["status"]).lower() not in OPEN:
            closed.add(urn)
            continue
        record = {key: cell(row, at[key]) for key in ("name", "type_name", "phase", "postcode")}
        record["la_code"] = cell(row, at["la_code"])
        lsoa = cell(row, at["lsoa"])
        if lsoa and not LSOA_CODE.match(lsoa):
            errors.add(
                number, COLUMNS["lsoa"], _("“%(code)s” is not an LSOA code.") % {"code": lsoa}
            )
            continue
        record["lsoa_code"] = lsoa
        easting, northing = cell(row, at["easting"]), cell(row, at["northing"])
        record["latitude"] = record["longitude"] = None
        if easting and northing:
            try:
                e, n = parse_float(easting), parse_float(northing)
            except ValueError as err:
                column = "easting" if not _is_number(easting) else "northing"
                errors.add(number, COLUMNS[column], str(err))
                continue
            lon, lat = _to_wgs84().transform(e, n)
            record["latitude"], record["longitude"] = round(lat, 6), round(lon, 6)
        if not record["name"]:
            errors.add(number, COLUMNS["name"], _("The school has no name."))
            continue
        schools[urn] = record
        if errors.full:
            break
    errors.raise_if_any()

    _place_by_point(schools)
    result = ImportResult(kind=_("Schools"), skipped=len(closed))
    with transaction.atomic(), acting_as(by):
        existing = {s.urn: s for s in School.objects.filter(urn__in=schools.keys() | closed)}
        new, changed = [], []
        fields = [
            "name",
            "type_name",
            "phase",
            "postcode",
            "la_code",
            "lsoa_code",
            "latitude",
            "longitude",
        ]
        for urn, record in schools.items():
            school = existing.get(urn)
            if school is None:
                new.append(School(urn=urn, **record))
            elif any(getattr(school, f) != record[f] for f in fields):
                for f in fields:
                    setattr(school, f, record[f])
                changed.append(school)
            else:
                result.unchanged += 1
        School.objects.bulk_create(new, batch_size=BATCH)
        School.objects.bulk_update(changed, fields, batch_size=BATCH)
        # A school that has closed since the last file leaves the map.
        School.objects.filter(urn__in=closed).delete()
        result.created, result.updated = len(new), len(changed)
    return result


def _is_number(text: str) -> bool:
    try:
        parse_float(text)
    except ValueError:
        return False
    return True


def _place_by_point(schools: dict[int, dict]) -> None:
    """Find the LSOA (2011 boundaries first, then 2021) of schools the file gives no LSOA for."""
    unplaced = [r for r in schools.values() if not r["lsoa_code"] and r["latitude"] is not None]
    if not unplaced:
        return
    for geography in ("lsoa11", "lsoa21"):
        rows = list(
            LSOA.objects.filter(geography=geography)
            .exclude(geometry="")
            .values_list("code", "geometry")
        )
        if not rows:
            continue
        codes = [code for code, _g in rows]
        tree = STRtree([shape(json.loads(g)) for _c, g in rows])
        for record in unplaced:
            if record["lsoa_code"]:
                continue
            hits = tree.query(
                Point(record["longitude"], record["latitude"]), predicate="intersects"
            )
            if len(hits):
                record["lsoa_code"] = codes[int(hits[0])]
