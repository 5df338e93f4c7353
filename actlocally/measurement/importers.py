"""Reading indicator data from a CSV or XLSX file: columns found by header name, every row
checked (indicator, period, place, figures against the unit), nothing written unless all pass."""

import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actlocally.places.importers.base import (
    LA_CODE,
    LSOA_CODE,
    WARD_CODE,
    Errors,
    ImportRefused,
    Table,
    normalise,
    refuse,
)
from actlocally.places.models import LSOA, Ward

from .models import ENGLAND_CODE, GeographyType, Indicator
from .periods import parse_period
from .services import Figure, check_figures, save_figures

# Column -> the header names it is found by (compared without case, spaces or underscores).
COLUMNS = {
    "indicator": ("indicator", "indicator key", "indicator short name"),
    "period": ("period", "time period"),
    "code": ("area code", "geography code", "code", "lsoa code", "ons code"),
    "numerator": ("numerator", "count"),
    "denominator": ("denominator",),
    "value": ("value",),
    "note": ("note", "notes"),
}
REQUIRED = ("indicator", "period", "code")
# What a row writes in the code column for the partnership's own area.
AREA_WORDS = {"area", "partnership", "partnership area"}
TEMPLATE_HEADERS = ["indicator", "period", "area code", "numerator", "denominator", "value", "note"]
NOTE_LIMIT = 500
# Uploads bigger than this run in the background with a progress page.
BACKGROUND_BYTES = 1_000_000
MAX_BYTES = 50_000_000


def geography_of(code: str) -> str | None:
    """The kind of place an ONS code names, or None."""
    if code == ENGLAND_CODE:
        return GeographyType.ENGLAND
    if LSOA_CODE.match(code):
        return GeographyType.LSOA
    if WARD_CODE.match(code):
        return GeographyType.WARD
    if LA_CODE.match(code):
        return GeographyType.LOCAL_AUTHORITY
    return None


def check_code(geography: str, code: str, *, lsoas=None, wards=None) -> str | None:
    """What is wrong with an ONS code for this kind of place, or None."""
    if geography_of(code) != geography:
        return _("“%(code)s” is not the ONS code of a %(kind)s.") % {
            "code": code[:20],
            "kind": GeographyType(geography).label if geography in GeographyType.values else "",
        }
    if geography == GeographyType.LSOA:
        known = (
            lsoas
            if lsoas is not None
            else set(LSOA.objects.filter(code=code).values_list("code", flat=True))
        )
        if code not in known:
            return _("%(code)s is not an LSOA the platform knows: load the geography first.") % {
                "code": code
            }
    if geography == GeographyType.WARD:
        known = (
            wards
            if wards is not None
            else set(Ward.objects.filter(code=code).values_list("code", flat=True))
        )
        if code not in known:
            return _("%(code)s is not a ward the platform knows.") % {"code": code}
    return None


_NUMBER = re.compile(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")


def _number(text: str) -> float | None:
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(_("“%(value)s” is not a number.") % {"value": text[:40]})
    return float(cleaned)


def xlsx_rows(data: bytes, name: str) -> str:
    """The first sheet of a workbook as CSV text, so one reader checks both kinds of file."""
    import csv

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        refuse(name, None, "", _("The file cannot be read as an Excel workbook (.xlsx)."))
    out = io.StringIO()
    writer = csv.writer(out)
    for row in book.worksheets[0].iter_rows(values_only=True):
        writer.writerow(
            ["" if v is None else (f"{v:g}" if isinstance(v, float) else str(v)) for v in row]
        )
    book.close()
    return out.getvalue()


@dataclass
class Checked:
    figures: list[Figure]
    rows: int


def read_figures(*, data: bytes, name: str, partnership) -> Checked:
    """Every row of the file checked; ImportRefused listing each problem by row and column."""
    if len(data) > MAX_BYTES:
        refuse(name, None, "", _("The file is larger than 50 MB: split it into smaller files."))
    source = xlsx_rows(data, name) if name.lower().endswith(".xlsx") else data
    table = Table(source, name)
    headers = [normalise(h) for h in table.headers]
    where: dict[str, int] = {}
    for column, names in COLUMNS.items():
        for i, header in enumerate(headers):
            if header in names:
                where[column] = i
                break
    missing = [c for c in REQUIRED if c not in where]
    if not any(c in where for c in ("numerator", "denominator", "value")):
        missing.append("numerator")
    if missing:
        refuse(
            name,
            1,
            "",
            _("The header row needs the columns: %(columns)s (see the template).")
            % {"columns": ", ".join(missing)},
        )
    indicators = {
        i.key: i
        for i in Indicator.objects.filter(local_authority_id=partnership.local_authority_id)
    }
    lsoas = set(LSOA.objects.values_list("code", flat=True))
    wards = set(Ward.objects.values_list("code", flat=True))
    errors = table.errors
    figures: list[Figure] = []
    seen: dict[tuple, int] = {}
    header_of = {c: table.headers[i] for c, i in where.items()}
    periods: dict[tuple[str, str], tuple[str, object]] = {}
    # Files repeat the same few hundred places: check each code once.
    places: dict[str, tuple[str | None, str | None]] = {}
    for number, row in table:
        cells = {c: row[i].strip() for c, i in where.items()}
        ok = True
        indicator = indicators.get(cells["indicator"])
        if indicator is None:
            errors.add(
                number,
                header_of["indicator"],
                _("“%(key)s” is not an indicator in the library: use its short name.")
                % {"key": cells["indicator"][:60]}
                if cells["indicator"]
                else _("The cell is empty: enter the indicator's short name."),
            )
            ok = False
        code = cells["code"]
        if code.lower() in AREA_WORDS or code == partnership.slug:
            geography, code = GeographyType.AREA, str(partnership.pk)
        else:
            known = places.get(code)
            if known is None:
                geography = geography_of(code)
                problem = (
                    _("The cell is empty: enter an ONS code, or “area” for the partnership's area.")
                    if not code
                    else _("“%(code)s” is not an LSOA, ward, local authority or England code.")
                    % {"code": code[:20]}
                    if geography is None
                    else check_code(geography, code, lsoas=lsoas, wards=wards)
                )
                known = places[code] = (geography, problem)
            geography, problem = known
            if problem:
                errors.add(number, header_of["code"], problem)
                ok = False
        period = None
        if indicator is not None:
            key = (indicator.period_type, cells["period"])
            period = periods.get(key)
            if period is None:
                try:
                    period = periods[key] = parse_period(*key)
                except ValueError as e:
                    errors.add(number, header_of["period"], str(e))
                    ok = False
        figures_in = {}
        for column in ("numerator", "denominator", "value"):
            try:
                figures_in[column] = _number(cells.get(column, ""))
            except ValueError as e:
                errors.add(number, header_of[column], str(e))
                ok = False
        note = cells.get("note", "")
        if len(note) > NOTE_LIMIT:
            errors.add(number, header_of["note"], _("A note is at most 500 characters."))
            ok = False
        if not ok:
            continue
        try:
            numerator, denominator, value = check_figures(indicator, **figures_in)
        except ValidationError as e:
            for field, messages in e.message_dict.items():
                errors.add(number, header_of.get(field, field), messages[0])
            continue
        identity = (indicator.pk, geography, code, period[0])
        if identity in seen:
            errors.add(
                number,
                header_of["period"],
                _("Row %(row)s already gives this indicator for this place and period.")
                % {"row": seen[identity]},
            )
            continue
        seen[identity] = number
        figures.append(
            Figure(
                indicator_id=indicator.pk,
                geography=geography,
                code=code,
                partnership_id=partnership.pk if geography == GeographyType.AREA else None,
                period=period[0],
                period_start=period[1],
                numerator=numerator,
                denominator=denominator,
                value=value,
                note=note,
            )
        )
    errors.raise_if_any()
    return Checked(figures=figures, rows=len(figures))


def import_figures(*, data: bytes, name: str, partnership, by) -> int:
    """Check the whole file, then save it; nothing is saved if any row is wrong."""
    checked = read_figures(data=data, name=name, partnership=partnership)
    return save_figures(figures=checked.figures, partnership=partnership, by=by)


__all__ = [
    "TEMPLATE_HEADERS",
    "Errors",
    "ImportRefused",
    "check_code",
    "import_figures",
    "read_figures",
]
