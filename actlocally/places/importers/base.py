"""What every importer shares: reading a CSV by header names, parsing numbers, reporting errors."""

import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# How many problems the upload page and the command list before "and N more": the first ones
# are enough to say what to fix. The page can show the rest on request.
SHOWN_ERRORS = 50
# Every problem is kept up to this many (a wholly wrong file of 35,000 rows stays a page, not a
# megabyte); beyond it they are only counted.
MAX_ERRORS = 10_000
# What the database's integer columns hold (PostgreSQL's `integer`).
MAX_INT = 2_147_483_647

LSOA_CODE = re.compile(r"^[EW]01\d{6}$")
ENGLISH_LSOA_CODE = re.compile(r"^E01\d{6}$")
WARD_CODE = re.compile(r"^[EWSN]05\d{6}$")
LA_CODE = re.compile(r"^[EWSN]0[6789]\d{6}$")


@dataclass(frozen=True)
class RowError:
    file: str
    row: int | None  # as a spreadsheet shows it: the header is row 1
    column: str  # a column's header, or where in a JSON file (`features[3].properties`)
    message: str

    def __str__(self):
        where = f"{self.file}"
        if self.row is not None:
            where += f", row {self.row}"
        if self.column:
            where += f", column “{self.column}”" if self.row is not None else f", {self.column}"
        return f"{where}: {self.message}"


class ImportRefused(Exception):
    """The file was refused and nothing was written. `errors` says where and what to fix;
    `more` counts problems found beyond those kept."""

    def __init__(self, errors: list[RowError], *, more: int = 0):
        self.errors = errors
        self.more = more
        super().__init__("; ".join(str(e) for e in errors[:5]))

    @property
    def total(self) -> int:
        return len(self.errors) + self.more

    @property
    def shown(self) -> list[RowError]:
        return self.errors[:SHOWN_ERRORS]

    @property
    def not_shown(self) -> int:
        return self.total - len(self.shown)

    def problems(self) -> list[dict]:
        """Every problem as a plain dict, as a background job's page lists them."""
        return [
            {"file": x.file, "row": x.row, "column": x.column, "message": x.message, "text": str(x)}
            for x in self.errors
        ]

    def lines(self, *, limit: int | None = SHOWN_ERRORS) -> list[str]:
        """The problems as lines of text (for a command's output), with "and N more"."""
        errors = self.errors if limit is None else self.errors[:limit]
        lines = [str(e) for e in errors]
        rest = self.total - len(errors)
        if rest:
            lines.append(
                ngettext("… and %(n)s more problem.", "… and %(n)s more problems.", rest)
                % {"n": rest}
            )
        return lines


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
    """Collects every row error (keeping up to MAX_ERRORS, counting the rest)."""

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

    def __bool__(self) -> bool:
        return bool(self.items)


def refuse(file: str, row: int | None, column: str, message: str):
    """Refuse a whole file for one problem."""
    raise ImportRefused([RowError(file, row, column, message)])


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


def _line_of(data: bytes | str, position: int) -> int:
    return data[:position].count(b"\n" if isinstance(data, bytes) else "\n") + 1


def text_of(data: bytes | str, name: str) -> str:
    """The file's text: UTF-8 (with or without a byte-order mark) or Windows-1252, without NUL
    characters. Anything else is refused, naming the line of the first byte that cannot be read."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                # DfE's GIAS extracts are Windows-1252.
                text = data.decode("cp1252")
            except UnicodeDecodeError as e:
                refuse(
                    name,
                    None,
                    _("line %(line)s") % {"line": _line_of(data, e.start)},
                    _(
                        "Byte 0x%(byte)02X cannot be read as text. Save the file as UTF-8 "
                        "(in Excel: “CSV UTF-8”)."
                    )
                    % {"byte": data[e.start]},
                )
    else:
        text = data
    text = text.lstrip("\ufeff")
    nul = text.find("\x00")
    if nul >= 0:
        refuse(
            name,
            None,
            _("line %(line)s") % {"line": _line_of(text, nul)},
            _(
                "The file contains NUL characters: it is not a plain text file (perhaps a "
                "spreadsheet or UTF-16). Save it as CSV UTF-8."
            ),
        )
    if not text.strip():
        refuse(name, 1, "", _("The file is empty: it needs a header row and rows of data."))
    return text


class Table:
    """A CSV read by header names. Iterating gives (row number, cells) for each data row with as
    many cells as the header; malformed rows (too few or too many cells, a quote never closed)
    become errors, and a file with no data rows is refused."""

    def __init__(self, source: IO | bytes | str, name: str):
        data = source.read() if hasattr(source, "read") else source
        self.name = name
        self.errors = Errors(name)
        self._reader = csv.reader(io.StringIO(text_of(data, name), newline=""), strict=True)
        header = self._next(1, 0)
        if header is None or not any(h.strip() for h in header):
            self.errors.raise_if_any()
            refuse(name, 1, "", _("The first row must be the header row of column names."))
        self.headers = [h.strip() for h in header]

    def _next(self, number: int, line: int) -> list[str] | None:
        try:
            return next(self._reader)
        except StopIteration:
            return None
        except csv.Error as e:
            message = str(e)
            if "field larger" in message:
                text = _(
                    "A cell starting on line %(line)s is longer than %(max)s characters: "
                    'check for a quote (") that is never closed.'
                ) % {"line": line + 1, "max": f"{csv.field_size_limit():,}"}
            elif "end of data" in message or "EOF" in message:
                text = _(
                    'A quote (") opened on line %(line)s is never closed: the row is malformed.'
                ) % {"line": line + 1}
            else:
                text = _("The row starting on line %(line)s is malformed: %(why)s.") % {
                    "line": line + 1,
                    "why": message,
                }
            self.errors.add(number, "", text)
            return None

    def __iter__(self) -> Iterator[tuple[int, list[str]]]:
        width = len(self.headers)
        number, seen = 1, 0
        while True:
            number += 1
            line = self._reader.line_num
            row = self._next(number, line)
            if row is None:
                break
            if not any(c.strip() for c in row):
                continue
            seen += 1
            if len(row) != width:
                self.errors.add(
                    number,
                    "",
                    ngettext(
                        "The row has %(n)s cell but the header has %(width)s columns.",
                        "The row has %(n)s cells but the header has %(width)s columns.",
                        len(row),
                    )
                    % {"n": len(row), "width": width},
                )
                continue
            yield number, row
        if not seen and not self.errors:
            self.errors.add(2, "", _("The file has a header row but no data rows."))

    def column(self, index: int) -> str:
        return self.headers[index]


def read_csv(source: IO | bytes | str, name: str) -> Table:
    return Table(source, name)


def find_column(headers: list[str], pattern: str) -> int | None:
    regex = re.compile(pattern)
    for i, h in enumerate(headers):
        if regex.search(normalise(h)):
            return i
    return None


def parse_int(value: str, *, low: int = 0, high: int = MAX_INT) -> int:
    """Whole numbers, with or without thousands separators ("29,199"), from `low` to `high`."""
    cleaned = value.strip().replace(",", "")
    if not re.fullmatch(r"-?\d+", cleaned):
        if not cleaned:
            raise ValueError(_("The cell is empty: enter a whole number"))
        raise ValueError(_("“%(value)s” is not a whole number") % {"value": value[:40]})
    # Past 20 digits it is out of any range (and Python will not read past 4,300 digits).
    number = int(cleaned) if len(cleaned) <= 20 else None
    if number is None or not low <= number <= high:
        raise ValueError(
            _("%(value)s is out of range: expected a whole number from %(low)s to %(high)s")
            % {"value": cleaned[:40], "low": f"{low:,}", "high": f"{high:,}"}
        )
    return number


def parse_float(value: str, *, low: float | None = None, high: float | None = None) -> float:
    cleaned = value.strip().replace(",", "")
    try:
        number = float(cleaned)
    except ValueError:
        if not cleaned:
            raise ValueError(_("The cell is empty: enter a number")) from None
        raise ValueError(_("“%(value)s” is not a number") % {"value": value[:40]}) from None
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(_("“%(value)s” is not a number") % {"value": value[:40]})
    if (low is not None and number < low) or (high is not None and number > high):
        raise ValueError(
            _("%(value)s is out of range: expected a number from %(low)s to %(high)s")
            % {"value": cleaned[:40], "low": f"{low:,}", "high": f"{high:,}"}
        )
    return number


def cell(row: list[str], index: int) -> str:
    return row[index].strip() if index < len(row) else ""


def text_too_long(value: str, limit: int) -> str | None:
    """The error for a text cell longer than its database column, if it is."""
    if len(value) > limit:
        return _("The text is %(n)s characters long; at most %(max)s fit.") % {
            "n": f"{len(value):,}",
            "max": limit,
        }
    return None
