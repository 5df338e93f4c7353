"""Import ONS geography lookups: LSOA → ward → local authority (2011 or 2021 LSOAs), and the
LSOA 2011 → 2021 best-fit lookup. Which one a file is comes from its headers."""

import re
from typing import IO

from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as

from ..models import LSOA, Geography, LsoaLink, Ward
from .base import (
    LA_CODE,
    LSOA_CODE,
    WARD_CODE,
    ImportRefused,
    ImportResult,
    RowError,
    cell,
    normalise,
    read_csv,
    text_too_long,
    update_rows,
)

BATCH = 2000


def _find(headers: list[str], pattern: str) -> int | None:
    for i, h in enumerate(headers):
        if re.fullmatch(pattern, normalise(h)):
            return i
    return None


def import_lookup(*, source: IO | bytes, name: str, by=None) -> ImportResult:
    table = read_csv(source, name)
    lsoa11 = _find(table.headers, r"lsoa11 ?(cd|code)")
    lsoa21 = _find(table.headers, r"lsoa21 ?(cd|code)")
    if lsoa11 is not None and lsoa21 is not None:
        return _import_links(table, name, lsoa11, lsoa21, by)
    return _import_wards(table, name, by)


def _import_wards(table, name, by) -> ImportResult:
    headers = table.headers
    code_at = _find(headers, r"lsoa(11|21) ?(cd|code)")
    columns = {
        "ward code": _find(headers, r"(wd|ward)\d{2} ?(cd|code)"),
        "ward name": _find(headers, r"(wd|ward)\d{2} ?(nm|name)"),
        "local authority code": _find(headers, r"(lad|ltla)\d{2} ?(cd|code)"),
        "local authority name": _find(headers, r"(lad|ltla)\d{2} ?(nm|name)"),
    }
    missing = [label for label, at in columns.items() if at is None]
    if code_at is None:
        missing.insert(0, "LSOA11CD or LSOA21CD")
    if missing:
        raise ImportRefused(
            [RowError(name, 1, label, _("No such column in the file.")) for label in missing]
        )
    geography = Geography.LSOA11 if "11" in normalise(headers[code_at]) else Geography.LSOA21
    name_at = _find(headers, r"lsoa(11|21) ?(nm|name)")
    errors = table.errors
    lsoas: dict[str, tuple] = {}
    wards: dict[str, tuple] = {}
    lsoa_row: dict[str, int] = {}
    ward_row: dict[str, int] = {}
    ward_at, ward_name_at = columns["ward code"], columns["ward name"]
    la_at, la_name_at = columns["local authority code"], columns["local authority name"]
    for number, row in table:
        code, ward, la = cell(row, code_at), cell(row, ward_at), cell(row, la_at)
        lsoa_name = cell(row, name_at) if name_at is not None else ""
        ward_name, la_name = cell(row, ward_name_at), cell(row, la_name_at)
        if not LSOA_CODE.match(code):
            errors.add(
                number, headers[code_at], _("“%(code)s” is not an LSOA code.") % {"code": code[:40]}
            )
            continue
        if not WARD_CODE.match(ward):
            errors.add(
                number, headers[ward_at], _("“%(code)s” is not a ward code.") % {"code": ward[:40]}
            )
            continue
        if not LA_CODE.match(la):
            errors.add(
                number,
                headers[la_at],
                _("“%(code)s” is not a local authority code.") % {"code": la[:40]},
            )
            continue
        if code in lsoa_row:
            errors.add(
                number,
                headers[code_at],
                _("%(code)s appears twice: on row %(first)s and on this row.")
                % {"code": code, "first": lsoa_row[code]},
            )
            continue
        too_long = [
            (at, problem)
            for at, text in ((name_at, lsoa_name), (ward_name_at, ward_name), (la_name_at, la_name))
            if at is not None and (problem := text_too_long(text, 200))
        ]
        for at, problem in too_long:
            errors.add(number, headers[at], problem)
        if too_long:
            continue
        if not ward_name:
            errors.add(number, headers[ward_name_at], _("The ward has no name."))
            continue
        if ward in wards and wards[ward] != (ward_name, la, la_name):
            errors.add(
                number,
                headers[ward_name_at],
                _(
                    "Ward %(code)s is “%(name)s” in %(la)s here but “%(was)s” in %(was_la)s on "
                    "row %(first)s: give a ward one name and local authority."
                )
                % {
                    "code": ward,
                    "name": ward_name,
                    "la": la,
                    "was": wards[ward][0],
                    "was_la": wards[ward][1],
                    "first": ward_row[ward],
                },
            )
            continue
        lsoa_row[code] = number
        ward_row.setdefault(ward, number)
        lsoas[code] = (lsoa_name, ward, la, la_name)
        wards[ward] = (ward_name, la, la_name)
    errors.raise_if_any()

    result = ImportResult(kind=_("LSOA to ward lookup (%(geo)s)") % {"geo": geography.label})
    with transaction.atomic(), acting_as(by):
        existing_wards = {w.code: w for w in Ward.objects.all()}
        new_wards, changed_wards = [], []
        for code, (ward_name, la, la_name) in wards.items():
            ward = existing_wards.get(code)
            if ward is None:
                new_wards.append(Ward(code=code, name=ward_name, la_code=la, la_name=la_name))
            elif (ward.name, ward.la_code, ward.la_name) != (ward_name, la, la_name):
                ward.name, ward.la_code, ward.la_name = ward_name, la, la_name
                changed_wards.append(ward)
        Ward.objects.bulk_create(new_wards, batch_size=BATCH)
        Ward.objects.bulk_update(changed_wards, ["name", "la_code", "la_name"], batch_size=500)
        ward_ids = dict(Ward.objects.values_list("code", "pk"))
        existing = {
            row[0]: row[1:]
            for row in LSOA.objects.filter(geography=geography).values_list(
                "code", "pk", "name", "ward_id", "la_code", "la_name"
            )
        }
        new, changed = [], []
        for code, (lsoa_name, ward, la, la_name) in lsoas.items():
            ward_id = ward_ids[ward]
            if code not in existing:
                new.append(
                    LSOA(
                        geography=geography,
                        code=code,
                        name=lsoa_name,
                        ward_id=ward_id,
                        la_code=la,
                        la_name=la_name,
                    )
                )
                continue
            pk, old_name, old_ward, old_la, old_la_name = existing[code]
            wanted = (lsoa_name or old_name, ward_id, la, la_name)
            if wanted == (old_name, old_ward, old_la, old_la_name):
                result.unchanged += 1
            else:
                changed.append((*wanted, pk))
        LSOA.objects.bulk_create(new, batch_size=BATCH)
        update_rows(LSOA, ["name", "ward", "la_code", "la_name"], changed)
        # Wards count as rows too: renaming a ward is an update even when no LSOA moved.
        result.created = len(new) + len(new_wards)
        result.updated = len(changed) + len(changed_wards)
        result.notes.append(
            _("%(n)s wards: %(new)s new, %(changed)s renamed or moved")
            % {"n": len(wards), "new": len(new_wards), "changed": len(changed_wards)}
        )
    return result


def _import_links(table, name, lsoa11_at, lsoa21_at, by) -> ImportResult:
    headers = table.headers
    change_at = _find(headers, r"(change ?code|chgind)")
    if change_at is None:
        raise ImportRefused([RowError(name, 1, "change_code", _("No such column in the file."))])
    errors = table.errors
    pairs: dict[tuple[str, str], str] = {}
    pair_row: dict[tuple[str, str], int] = {}
    for number, row in table:
        old, new, change = cell(row, lsoa11_at), cell(row, lsoa21_at), cell(row, change_at)
        if not LSOA_CODE.match(old):
            errors.add(
                number,
                headers[lsoa11_at],
                _("“%(code)s” is not an LSOA code.") % {"code": old[:40]},
            )
        elif not LSOA_CODE.match(new):
            errors.add(
                number,
                headers[lsoa21_at],
                _("“%(code)s” is not an LSOA code.") % {"code": new[:40]},
            )
        elif change not in {"U", "S", "M", "X"}:
            errors.add(number, headers[change_at], _("The change code is U, S, M or X."))
        elif (old, new) in pair_row:
            errors.add(
                number,
                headers[lsoa21_at],
                _("%(old)s → %(new)s appears twice: on row %(first)s and on this row.")
                % {"old": old, "new": new, "first": pair_row[(old, new)]},
            )
        else:
            pairs[(old, new)] = change
            pair_row[(old, new)] = number
    errors.raise_if_any()

    result = ImportResult(kind=_("LSOA 2011 to 2021 lookup"))
    with transaction.atomic(), acting_as(by):
        ids = {}
        for geography, codes in (
            (Geography.LSOA11, {o for o, _n in pairs}),
            (Geography.LSOA21, {n for _o, n in pairs}),
        ):
            known = dict(LSOA.objects.filter(geography=geography).values_list("code", "pk"))
            LSOA.objects.bulk_create(
                [LSOA(geography=geography, code=c) for c in codes - known.keys()],
                batch_size=BATCH,
            )
            ids[geography] = dict(
                LSOA.objects.filter(geography=geography).values_list("code", "pk")
            )
        existing = {
            (a, b): change
            for a, b, change in LsoaLink.objects.values_list("lsoa11_id", "lsoa21_id", "change")
        }
        new, changed = [], []
        for (old, new_code), change in pairs.items():
            key = (ids[Geography.LSOA11][old], ids[Geography.LSOA21][new_code])
            if key not in existing:
                new.append(LsoaLink(lsoa11_id=key[0], lsoa21_id=key[1], change=change))
            elif existing[key] != change:
                changed.append((key, change))
            else:
                result.unchanged += 1
        LsoaLink.objects.bulk_create(new, batch_size=BATCH)
        for (a, b), change in changed:
            LsoaLink.objects.filter(lsoa11_id=a, lsoa21_id=b).update(change=change)
        result.created, result.updated = len(new), len(changed)
    return result
