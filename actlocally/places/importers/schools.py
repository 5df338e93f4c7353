"""Import open schools from DfE's Get Information About Schools (GIAS) establishment CSV.

Each open school is placed in its LSOA: the file's "LSOA (code)" where given, otherwise the LSOA
whose boundary holds its Easting/Northing (British National Grid)."""

import json
from functools import cache
from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pyproj import Transformer
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from actlocally.core.audit import acting_as

from ..models import LSOA, School
from .base import (
    LA_CODE,
    LSOA_CODE,
    ImportRefused,
    ImportResult,
    RowError,
    cell,
    normalise,
    parse_float,
    parse_int,
    read_csv,
    text_too_long,
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


# A British National Grid position lies in this box (metres east and north of its origin).
EASTING = (0, 700_000)
NORTHING = (0, 1_300_000)
# The longest text each column holds (the model's max_length).
LENGTHS = {"name": 200, "type_name": 200, "phase": 100, "postcode": 10}


def import_schools(*, source: IO | bytes, name: str, by=None) -> ImportResult:
    table = read_csv(source, name)
    positions = {normalise(h): i for i, h in enumerate(table.headers)}
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
    errors = table.errors
    schools: dict[int, dict] = {}
    closed: set[int] = set()
    seen: dict[int, int] = {}
    for number, row in table:
        record = _school(row, number, at, errors)
        if record is None:
            continue
        urn = record.pop("urn")
        if urn in seen:
            errors.add(
                number,
                COLUMNS["urn"],
                _("URN %(urn)s appears twice: on row %(first)s and on this row.")
                % {"urn": urn, "first": seen[urn]},
            )
            continue
        seen[urn] = number
        if record.pop("open"):
            schools[urn] = record
        else:
            closed.add(urn)
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
        _total, counts = School.objects.filter(urn__in=closed).delete()
        removed = counts.get(School._meta.label, 0)
        result.created, result.updated = len(new), len(changed)
        result.skipped = len(closed) - removed
        if removed:
            result.notes.append(
                ngettext(
                    "%(n)s closed school removed from the map",
                    "%(n)s closed schools removed from the map",
                    removed,
                )
                % {"n": removed}
            )
    return result


def _school(row: list[str], number: int, at: dict[str, int], errors) -> dict | None:
    """One row's school (with its URN and whether it is open), or None after noting what is
    wrong with the row."""
    try:
        urn = parse_int(cell(row, at["urn"]), low=1)
    except ValueError as e:
        errors.add(number, COLUMNS["urn"], str(e))
        return None
    status = cell(row, at["status"])
    if not status:
        errors.add(
            number,
            COLUMNS["status"],
            _("The status is empty: expected “Open”, “Closed” or another GIAS status."),
        )
        return None
    if status.lower() not in OPEN:
        return {"urn": urn, "open": False}
    record = {"urn": urn, "open": True}
    ok = True
    for key in ("name", "type_name", "phase", "postcode"):
        record[key] = cell(row, at[key])
        if problem := text_too_long(record[key], LENGTHS[key]):
            errors.add(number, COLUMNS[key], problem)
            ok = False
    if not record["name"]:
        errors.add(number, COLUMNS["name"], _("The school has no name."))
        ok = False
    record["la_code"] = cell(row, at["la_code"])
    if record["la_code"] and not LA_CODE.match(record["la_code"]):
        errors.add(
            number,
            COLUMNS["la_code"],
            _("“%(code)s” is not a local authority code (like E08000032).")
            % {"code": record["la_code"][:40]},
        )
        ok = False
    lsoa = cell(row, at["lsoa"])
    if lsoa and not LSOA_CODE.match(lsoa):
        errors.add(
            number, COLUMNS["lsoa"], _("“%(code)s” is not an LSOA code.") % {"code": lsoa[:40]}
        )
        ok = False
    record["lsoa_code"] = lsoa
    record["latitude"] = record["longitude"] = None
    easting, northing = cell(row, at["easting"]), cell(row, at["northing"])
    if easting or northing:
        position = []
        for key, text, (low, high) in (
            ("easting", easting, EASTING),
            ("northing", northing, NORTHING),
        ):
            try:
                position.append(parse_float(text, low=low, high=high))
            except ValueError as e:
                errors.add(
                    number,
                    COLUMNS[key],
                    _("%(problem)s (a British National Grid position, in metres)") % {"problem": e},
                )
                ok = False
        if ok:
            lon, lat = _to_wgs84().transform(*position)
            record["latitude"], record["longitude"] = round(lat, 6), round(lon, 6)
    return record if ok else None


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
