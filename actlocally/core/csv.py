"""The one CSV writer every export uses: text a person typed or uploaded reaches a spreadsheet as
text, never as a formula (OWASP CSV injection)."""

import csv
import io
import numbers
from collections.abc import Iterable

from django.http import HttpResponse

# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A cell as a spreadsheet should show it. Numbers and dates stay numbers (a negative score is
    not a formula); any text that could start a formula gets a leading apostrophe."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, numbers.Number):
        text = str(value)
        return "'" + text if text.startswith(FORMULA_STARTS) else text
    return value


class SafeWriter:
    """csv.writer with every cell passed through safe_cell."""

    def __init__(self, out):
        self._writer = csv.writer(out)

    def writerow(self, row: Iterable) -> None:
        self._writer.writerow([safe_cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable]) -> None:
        for row in rows:
            self.writerow(row)


def writer(out) -> SafeWriter:
    return SafeWriter(out)


def to_text(rows: Iterable[Iterable]) -> str:
    buffer = io.StringIO()
    writer(buffer).writerows(rows)
    return buffer.getvalue()


def csv_response(filename: str, rows: Iterable[Iterable] | None = None) -> HttpResponse:
    """An attachment Excel opens as UTF-8 (byte order mark first); write more rows with
    writer(response)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    if rows is not None:
        writer(response).writerows(rows)
    return response
