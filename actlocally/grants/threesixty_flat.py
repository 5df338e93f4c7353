"""The 360Giving flat form: one row per grant under the standard's own column titles (read from
the shipped schema, e.g. "Recipient Org:Identifier"), as XLSX or CSV, so that the standard's
tool, flattentool, turns it back into the JSON package. Text a person typed is neutralised so a
spreadsheet never runs it as a formula."""

import csv
import io
import json
from functools import cache

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from actlocally.core.csv import safe_cell

from .threesixty import STANDARD

SHEET = "grants"
# The fields the export fills, as paths into a grant; arrays hold one object each here.
PATHS = [
    ("id",),
    ("title",),
    ("description",),
    ("currency",),
    ("amountAppliedFor",),
    ("amountAwarded",),
    ("awardDate",),
    ("plannedDates", "startDate"),
    ("plannedDates", "endDate"),
    ("amountDisbursed",),
    ("recipientOrganization", "id"),
    ("recipientOrganization", "name"),
    ("recipientOrganization", "charityNumber"),
    ("recipientOrganization", "companyNumber"),
    ("beneficiaryLocation", "name"),
    ("beneficiaryLocation", "geoCode"),
    ("beneficiaryLocation", "geoCodeType"),
    ("beneficiaryLocation", "countryCode"),
    ("fundingOrganization", "id"),
    ("fundingOrganization", "name"),
    ("grantProgramme", "code"),
    ("grantProgramme", "title"),
    ("fromOpenCall",),
    ("dateModified",),
]


@cache
def _grant_schema() -> dict:
    return json.loads((STANDARD / "360-giving-schema.json").read_text())


def _resolve(node: dict) -> dict:
    definitions = _grant_schema()["$defs"]
    while "$ref" in node:
        node = {
            **definitions[node["$ref"].rsplit("/", 1)[1]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    return node


def title_of(path: tuple[str, ...]) -> str:
    """The standard's column title for a path: each step's schema title, joined by ':'."""
    node = {"properties": _grant_schema()["properties"]}
    titles = []
    for step in path:
        node = _resolve(node)
        if "items" in node:
            node = _resolve(node["items"])
        node = _resolve(node["properties"][step])
        titles.append(node["title"])
    return ":".join(titles)


def headings() -> list[str]:
    return [title_of(path) for path in PATHS]


def _value(grant: dict, path: tuple[str, ...]):
    found = grant
    for step in path:
        if isinstance(found, list):
            found = found[0] if found else None
        if not isinstance(found, dict):
            return None
        found = found.get(step)
    return found


def rows(package: dict) -> list[list]:
    """One row per grant; only the columns some grant fills are kept."""
    table = [[_value(g, path) for path in PATHS] for g in package["grants"]]
    used = [i for i in range(len(PATHS)) if any(row[i] is not None for row in table)]
    names = headings()
    return [[names[i] for i in used]] + [[row[i] for i in used] for row in table]


def _clean(value):
    value = safe_cell(value)
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def to_xlsx(package: dict) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(SHEET)
    for row in rows(package):
        sheet.append([_clean(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def to_csv(package: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows(package):
        writer.writerow([safe_cell(v) for v in row])
    return out.getvalue()
