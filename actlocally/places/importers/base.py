"""What every importer shares: reading a CSV by header names, parsing numbers, reporting errors."""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _

# Stop collecting after this many problems: the first ones are enough to say what to fix.
MAX_ERRORS = 50

LSOA_CODE = re.compile(r"^[EW]01\d{6}$")
ENGLISH_LSOA_CODE = re.compile(r"^E01\d{6}$")
WARD_CODE = re.compile(r"^[EWSN]05\d{6}$")
LA_CODE = re.compile(r"^[EWSN]0[6789]\d{6}$")


@dataclass(frozen=True)
class RowError:
    file: str
    row: int | None  # as a spreadsheet shows it: the header is row 1
    column: str
    message: str

    def __str__(self):
        where = f"{self.file}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column “{self.column}”"
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The file was refused and nothing was written. `errors` says where and what to fix."""

    def __init__(self, errors: list[RowError], *, more: int = 0):
        self.errors = errors
        self.more = more
        super().__init__("; ".join(str(e) for e in errors[:5]))


@dataclass
class ImportResult:
    kind: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    notes: list[str] = field(default_factory=list)

    def __str__(self):
        text = _("%(kind)s: %(created)s new, %(updated)s updated, %(unchanged)s unchanged") % {
            "kind": self.kind,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }
        if self.skipped:
            text += _(", %(n)s skipped") % {"n": self.skipped}
        return text


class Errors:
    """Collects row errors up to MAX_ERRORS, counting the rest."""

    def __init__(self, file: str):
        self.file = file
        self.items: list[RowError] = []
        self.more = 0

    def add(self, row: int | None, column: str, message: str) -> None:
        if len(self.items) < MAX_ERRORS:
            self.items.append(RowError(self.file, row, column, message))
        else:
            self.more += 1

    def raise_if_any(self) -> None:
        if self.items:
            raise ImportRefused(self.items, more=self.more)

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS


def update_rows(model, fields: list[str], rows: list[tuple]) -> None:
    """UPDATE many rows by primary key in one prepared statement: `rows` are (*values, pk).
    Django's bulk_update builds CASE expressions that take tens of seconds on 33,000 rows."""
    if not rows:
        return
    from django.db import connection

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(
        f"{connection.ops.quote_name(model._meta.get_field(f).column)} = %s" for f in fields
    )
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {columns} WHERE id = %s", rows)  # noqa: S608


def normalise(header: str) -> str:
    """Header names compared without case, underscores or repeated spaces."""
    return re.sub(r"\s+", " ", header.replace("_", " ").replace("\ufeff", "")).strip().lower()


def text_of(data: bytes | str) -> str:
    if isinstance(data, str):
        return data.lstrip("\ufeff")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # DfE's GIAS extracts are Windows-1252.
        return data.decode("cp1252")


def read_csv(source: IO | bytes | str, name: str) -> tuple[list[str], Iterator[list[str]]]:
    """The header row and an iterator over the data rows of a CSV (any of UTF-8 with or without
    a byte-order mark, or Windows-1252)."""
    data = source.read() if hasattr(source, "read") else source
    reader = csv.reader(io.StringIO(text_of(data), newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportRefused([RowError(name, None, "", _("The file is empty."))]) from None
    return [h.strip() for h in header], reader


def find_column(headers: list[str], pattern: str) -> int | None:
    regex = re.compile(pattern)
    for i, h in enumerate(headers):
        if regex.search(normalise(h)):
            return i
    return None


def parse_int(value: str) -> int:
    """Whole numbers, with or without thousands separators ("29,199")."""
    cleaned = value.strip().replace(",", "")
    if not re.fullmatch(r"-?\d+", cleaned):
        raise ValueError(_("“%(value)s” is not a whole number") % {"value": value})
    return int(cleaned)


def parse_float(value: str) -> float:
    cleaned = value.strip().replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(_("“%(value)s” is not a number") % {"value": value}) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(_("“%(value)s” is not a number") % {"value": value})
    return number


def cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""
