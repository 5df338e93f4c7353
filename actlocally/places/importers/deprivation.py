"""Import a release of the English Indices of Deprivation from one or more CSV files.

A release (IoD2019 on 2011 LSOAs, IoD2025 on 2021 LSOAs, or a newer one) is usually spread over
several files: MHCLG's File 1 (IMD rank and decile), File 2 (domain ranks and deciles), File 6
(population denominators), a file of scores, or one wide file of everything. Each file is read by
its header names; every column recognised contributes its measure, the rest are ignored.
"""

import re
from dataclasses import dataclass
from typing import IO

from django.db import transaction
from django.db.models import Avg, Count, F, Min, Q, Sum
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from ..measures import KEYS, POPULATIONS
from ..models import LSOA, Deprivation, Geography, Release
from .base import (
    ENGLISH_LSOA_CODE,
    LA_CODE,
    ImportRefused,
    ImportResult,
    RowError,
    cell,
    normalise,
    parse_float,
    parse_int,
    read_csv,
    text_too_long,
    update_rows,
)

# Header prefixes (normalised: lower case, underscores as spaces) for each measure. The
# supplementary indices come first: "income deprivation affecting children" starts with "income".
MEASURE_PATTERNS = [
    ("idaci", r"^(income deprivation affecting children|idaci)"),
    ("idaopi", r"^(income deprivation affecting older|idaopi)"),
    ("imd", r"^(index of multiple deprivation|imd)\b"),
    ("income", r"^income\b"),
    ("employment", r"^employment\b"),
    ("education", r"^education\b"),
    ("health", r"^health\b"),
    ("crime", r"^crime\b"),
    ("barriers", r"^(barriers to housing|housing and services)\b"),
    ("environment", r"^(living environment|environment)\b"),
]
POPULATION_PATTERNS = [
    ("population", r"^total population"),
    ("children", r"^dependent children"),
    ("aged_16_59", r"^population aged 16-59"),
    ("aged_60_plus", r"^older population"),
    ("working_age", r"^working age population"),
]
CODE_PATTERN = r"^(lsoa (code|cd)( \(20(11|21)\))?|lsoa(11|21) ?(cd|code))$"
NAME_PATTERN = r"^(lsoa (name|nm)( \(20(11|21)\))?|lsoa(11|21) ?(nm|name))$"
LA_CODE_PATTERN = r"^(local authority district code|la(d|ua)?\d{0,2} ?(cd|code)|ltla\d{2} ?code)"
LA_NAME_PATTERN = r"^(local authority district name|la(d|ua)?\d{0,2} ?(nm|name)|ltla\d{2} ?name)"
REQUIRED = ["imd_rank", "imd_decile"]
# England has about 33,800 LSOAs; a rank beyond this many is a mistake in the file.
MAX_RANK = 1_000_000
MAX_POPULATION = 10_000_000
BATCH = 2000


@dataclass
class Column:
    index: int
    header: str
    field: str


def kind_of(header: str) -> str | None:
    if "decile" in header:
        return "decile"
    if re.search(r"\brank\b", header) and "average" not in header:
        return "rank"
    if re.search(r"\b(score|rate)\b", header):
        return "score"
    return None


def columns_of(headers: list[str]) -> list[Column]:
    found, seen = [], set()
    for i, raw in enumerate(headers):
        h = normalise(raw)
        field = None
        for key, pattern in MEASURE_PATTERNS:
            if re.search(pattern, h):
                kind = kind_of(h)
                field = f"{key}_{kind}" if kind else None
                break
        else:
            for key, pattern in POPULATION_PATTERNS:
                if re.search(pattern, h):
                    field = key
                    break
        if field and field not in seen:
            seen.add(field)
            found.append(Column(i, raw, field))
    return found


def _index(headers: list[str], pattern: str) -> int | None:
    for i, h in enumerate(headers):
        if re.search(pattern, normalise(h)):
            return i
    return None


def read_file(source: IO | bytes, name: str) -> tuple[dict[str, dict], dict[str, tuple], set[str]]:
    """Values by LSOA code, names and local authorities by code, and the fields the file gives."""
    table = read_csv(source, name)
    headers, errors = table.headers, table.errors
    code_at = _index(headers, CODE_PATTERN)
    if code_at is None:
        raise ImportRefused(
            [RowError(name, 1, "LSOA code", _("No column of LSOA codes: name it “LSOA code”."))]
        )
    columns = columns_of(headers)
    if not columns:
        raise ImportRefused(
            [
                RowError(
                    name,
                    1,
                    "",
                    _(
                        "No column of deprivation measures was recognised. Headers should read "
                        "like “Index of Multiple Deprivation (IMD) Rank” or “IMD_score”."
                    ),
                )
            ]
        )
    name_at = _index(headers, NAME_PATTERN)
    la_at = _index(headers, LA_CODE_PATTERN)
    la_name_at = _index(headers, LA_NAME_PATTERN)
    values: dict[str, dict] = {}
    places: dict[str, tuple] = {}
    first_row: dict[str, int] = {}
    for number, row in table:
        code = cell(row, code_at)
        if not ENGLISH_LSOA_CODE.match(code):
            errors.add(
                number,
                headers[code_at],
                _("“%(code)s” is not an English LSOA code (E01 and 6 digits).")
                % {"code": code[:40]},
            )
            continue
        if code in first_row:
            errors.add(
                number,
                headers[code_at],
                _("%(code)s appears twice: on row %(first)s and on this row.")
                % {"code": code, "first": first_row[code]},
            )
            continue
        first_row[code] = number
        record = {}
        for column in columns:
            raw = cell(row, column.index)
            try:
                if column.field.endswith("_score"):
                    record[column.field] = parse_float(raw)
                elif column.field.endswith("_decile"):
                    record[column.field] = parse_int(raw, low=1, high=10)
                elif column.field.endswith("_rank"):
                    record[column.field] = parse_int(raw, low=1, high=MAX_RANK)
                else:
                    record[column.field] = parse_int(raw, low=0, high=MAX_POPULATION)
            except ValueError as e:
                errors.add(number, column.header, str(e))
        place = (
            cell(row, name_at) if name_at is not None else "",
            cell(row, la_at) if la_at is not None else "",
            cell(row, la_name_at) if la_name_at is not None else "",
        )
        for at, text, limit in ((name_at, place[0], 200), (la_name_at, place[2], 200)):
            if problem := text_too_long(text, limit):
                errors.add(number, headers[at], problem)
        if place[1] and not LA_CODE.match(place[1]):
            errors.add(
                number,
                headers[la_at],
                _("“%(code)s” is not a local authority code (like E08000032).")
                % {"code": place[1][:40]},
            )
        values[code] = record
        places[code] = place
    errors.raise_if_any()
    return values, places, {c.field for c in columns}


def import_deprivation(
    *,
    release_key: str,
    year: int,
    geography: str,
    files: list[tuple[str, IO | bytes]],
    by=None,
) -> ImportResult:
    """Import (or re-import) one release from its files, all or nothing. Re-importing gives the
    same result; importing more files of the same release adds their columns to what is there."""
    if geography not in Geography.values:
        raise ImportRefused([RowError("", None, "", _("Choose 2011 or 2021 LSOAs."))])
    if not re.fullmatch(r"[A-Za-z0-9-]{1,20}", release_key) or not 1990 <= year <= 2100:
        raise ImportRefused(
            [
                RowError(
                    "",
                    None,
                    "",
                    _("The release is a name like IoD2019 (at most 20 letters and digits)."),
                )
            ]
        )
    merged: dict[str, dict] = {}
    places: dict[str, tuple] = {}
    fields: set[str] = set()
    read, problems = [], []
    # Every file is checked before any is refused, so one upload lists all that is wrong.
    for name, source in files:
        try:
            read.append(read_file(source, name))
        except ImportRefused as refused:
            problems.append(refused)
    if problems:
        raise ImportRefused(
            [e for p in problems for e in p.errors], more=sum(p.more for p in problems)
        )
    for values, file_places, file_fields in read:
        fields |= file_fields
        for code, record in values.items():
            merged.setdefault(code, {}).update(record)
        for code, place in file_places.items():
            old = places.get(code, ("", "", ""))
            places[code] = tuple(new or was for new, was in zip(place, old, strict=True))
    files_label = ", ".join(name for name, _source in files)

    with transaction.atomic(), acting_as(by):
        release = Release.objects.filter(key=release_key).first()
        if release and release.geography != geography:
            raise ImportRefused(
                [
                    RowError(
                        files_label,
                        None,
                        _("release"),
                        _("%(key)s is already loaded on %(geo)s; a release keeps its geography.")
                        % {"key": release_key, "geo": release.get_geography_display()},
                    )
                ]
            )
        existing_fields = set(release.summary.get("fields", [])) if release else set()
        missing = [f for f in REQUIRED if f not in fields | existing_fields]
        if missing:
            raise ImportRefused(
                [
                    RowError(
                        files_label,
                        1,
                        f.replace("imd_", "IMD ").replace("_", " "),
                        _(
                            "No such column in the files: the release needs the IMD rank and decile."
                        ),
                    )
                    for f in missing
                ]
            )
        if release is None:
            release = Release(key=release_key, year=year, geography=geography)
        release.year = year
        release.imported_by = by if getattr(by, "is_authenticated", False) else None
        known = sorted(set(release.files.split(", ")) - {""} | {n for n, _s in files})
        release.files = ", ".join(known)
        release.save()

        lsoa_ids = upsert_lsoas(geography, places)
        all_fields = [f"{k}_{kind}" for k in KEYS for kind in ("score", "rank", "decile")]
        all_fields += POPULATIONS
        # Keep what earlier files of this release gave, then write every row afresh: one
        # delete and a bulk insert is much faster than updating 33,000 rows in place.
        before = {
            row["lsoa_id"]: row
            for row in Deprivation.objects.filter(release=release).values("lsoa_id", *all_fields)
        }
        result = ImportResult(kind=release_key)
        objects = []
        for code, record in merged.items():
            lsoa_id = lsoa_ids[code]
            old = before.pop(lsoa_id, None)
            row = {f: (old or {}).get(f) for f in all_fields}
            row.update(record)
            if old is None:
                result.created += 1
            elif all(old.get(f) == row[f] for f in all_fields):
                result.unchanged += 1
            else:
                result.updated += 1
            objects.append(Deprivation(release=release, lsoa_id=lsoa_id, **row))
        for old in before.values():
            # LSOAs earlier files gave but these did not: kept as they were.
            result.unchanged += 1
            objects.append(Deprivation(release=release, **old))
        Deprivation.objects.filter(release=release).delete()
        Deprivation.objects.bulk_create(objects, batch_size=BATCH)
        release.summary = england_summary(release, fields | existing_fields)
        release.save(update_fields=["summary"])
    return result


def upsert_lsoas(geography: str, places: dict[str, tuple]) -> dict[str, int]:
    """Make sure each LSOA exists; fill in names and local authorities the file gives."""
    existing = {
        code: (pk, name, la, la_name)
        for pk, code, name, la, la_name in LSOA.objects.filter(geography=geography).values_list(
            "pk", "code", "name", "la_code", "la_name"
        )
    }
    new, changed = [], []
    for code, (name, la, la_name) in places.items():
        if code not in existing:
            new.append(LSOA(geography=geography, code=code, name=name, la_code=la, la_name=la_name))
            continue
        pk, old_name, old_la, old_la_name = existing[code]
        if (
            (name and name != old_name)
            or (la and la != old_la)
            or (la_name and la_name != old_la_name)
        ):
            changed.append((name or old_name, la or old_la, la_name or old_la_name, pk))
    LSOA.objects.bulk_create(new, batch_size=BATCH)
    update_rows(LSOA, ["name", "la_code", "la_name"], changed)
    return dict(LSOA.objects.filter(geography=geography).values_list("code", "pk"))


def england_summary(release: Release, fields: set[str]) -> dict:
    """England-wide figures for comparison, computed once: the pages never scan every LSOA."""
    values = Deprivation.objects.filter(release=release)
    scored = [k for k in KEYS if f"{k}_score" in fields]
    ranked = [k for k in KEYS if f"{k}_decile" in fields]
    has_population = "population" in fields
    aggregates = {"n_lsoas": Count("pk"), "total_population": Sum("population")}
    for k in scored:
        aggregates[f"{k}_mean"] = Avg(f"{k}_score")
        if has_population:
            aggregates[f"{k}_weighted"] = Sum(F(f"{k}_score") * F("population"))
    for k in ranked:
        aggregates[f"{k}_d1"] = Count("pk", filter=Q(**{f"{k}_decile": 1}))
    totals = values.aggregate(**aggregates)
    summary = {
        "fields": sorted(fields),
        "scored": scored,
        "ranked": ranked,
        "lsoas": totals["n_lsoas"],
        "population": totals["total_population"] if has_population else None,
        "score": {},
        "d1": {k: totals[f"{k}_d1"] for k in ranked},
        # The lowest score of each national decile, to place an average (a ward's, an area's)
        # on the same scale as the LSOAs.
        "thresholds": {},
    }
    for k in scored:
        if has_population and totals["total_population"]:
            summary["score"][k] = (totals[f"{k}_weighted"] or 0) / totals["total_population"]
        else:
            summary["score"][k] = totals[f"{k}_mean"]
        lows = dict(
            values.filter(**{f"{k}_decile__isnull": False})
            .values_list(f"{k}_decile")
            .annotate(low=Min(f"{k}_score"))
            .values_list(f"{k}_decile", "low")
        )
        summary["thresholds"][k] = [lows.get(d) for d in range(1, 11)]
    if "imd_decile" in fields:
        summary["imd_deciles"] = dict(
            values.values_list("imd_decile").annotate(n=Count("pk")).values_list("imd_decile", "n")
        )
    return summary


def carry_population(*, release: Release, source: Release) -> int:
    """Give a release on 2021 LSOAs the population denominators of one on 2011 LSOAs, through
    ONS's 2011→2021 lookup: an LSOA that split shares its people equally among its parts, merged
    LSOAs add up. IoD2025 published no population file we could get, and weighted averages need
    one. Only rows without a population are filled; returns how many were. Idempotent."""
    from collections import Counter, defaultdict

    from ..models import LsoaLink

    links = list(LsoaLink.objects.values_list("lsoa11_id", "lsoa21_id"))
    if not links or release.geography == source.geography:
        return 0
    parts = Counter(lsoa11 for lsoa11, _lsoa21 in links)
    old = dict(
        Deprivation.objects.filter(release=source, population__isnull=False).values_list(
            "lsoa_id", "population"
        )
    )
    carried: dict[int, float] = defaultdict(float)
    for lsoa11, lsoa21 in links:
        if lsoa11 in old:
            carried[lsoa21] += old[lsoa11] / parts[lsoa11]
    rows = list(
        Deprivation.objects.filter(release=release, population__isnull=True, lsoa_id__in=carried)
    )
    for row in rows:
        row.population = round(carried[row.lsoa_id])
    with transaction.atomic():
        Deprivation.objects.bulk_update(rows, ["population"], batch_size=BATCH)
        if rows:
            release.summary = {
                **england_summary(release, set(release.summary.get("fields", [])) | {"population"}),
                "population_from": source.key,
            }
            release.save(update_fields=["summary"])
    return len(rows)


def carry_populations() -> int:
    """Fill every 2021-LSOA release's missing populations from the newest 2011-LSOA release that
    has them (run after importing deprivation data or the lookups)."""
    source = (
        Release.objects.filter(geography=Geography.LSOA11, values__population__isnull=False)
        .distinct()
        .order_by("-year")
        .first()
    )
    if source is None:
        return 0
    return sum(
        carry_population(release=release, source=source)
        for release in Release.objects.filter(geography=Geography.LSOA21)
    )
