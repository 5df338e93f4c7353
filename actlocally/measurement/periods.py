"""The periods indicators are published for, written as UK public bodies write them, read into
one label and the date each starts (so they sort in time order, whatever their label)."""

import datetime
import re

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PeriodType(models.TextChoices):
    ACADEMIC_YEAR = "academic_year", gettext_lazy("Academic year (September to August)")
    FINANCIAL_YEAR = "financial_year", gettext_lazy("Financial year (April to March)")
    CALENDAR_YEAR = "calendar_year", gettext_lazy("Calendar year")
    QUARTER = "quarter", gettext_lazy("Quarter (calendar)")
    MONTH = "month", gettext_lazy("Month")


EXAMPLES = {
    PeriodType.ACADEMIC_YEAR: "2022/23",
    PeriodType.FINANCIAL_YEAR: "2022/23",
    PeriodType.CALENDAR_YEAR: "2022",
    PeriodType.QUARTER: "2022 Q1",
    PeriodType.MONTH: "2022-04",
}
FIRST_YEAR, LAST_YEAR = 1990, 2100

_SPLIT_YEAR = re.compile(r"^(\d{4})\s*[/-]\s*(\d{2}|\d{4})$")
_QUARTER = re.compile(r"^(\d{4})\s*-?\s*Q([1-4])$", re.IGNORECASE)
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def _year(text: str) -> int:
    year = int(text)
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            _("%(year)s is not a year from %(first)s to %(last)s")
            % {"year": year, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return year


def parse_period(period_type: str, text: str) -> tuple[str, datetime.date]:
    """The period's label as the platform writes it, and the day it starts; ValueError saying
    what was expected if `text` is not a period of this type."""
    text = (text or "").strip()
    expected = _("Write the period like “%(example)s”.") % {
        "example": EXAMPLES.get(period_type, "")
    }
    if period_type in (PeriodType.ACADEMIC_YEAR, PeriodType.FINANCIAL_YEAR):
        match = _SPLIT_YEAR.match(text)
        if not match:
            raise ValueError(expected)
        start = _year(match.group(1))
        end = match.group(2)
        if int(end[-2:]) != (start + 1) % 100:
            raise ValueError(
                _("“%(text)s” is not two years in a row. %(expected)s")
                % {"text": text[:20], "expected": expected}
            )
        month = 9 if period_type == PeriodType.ACADEMIC_YEAR else 4
        return f"{start}/{(start + 1) % 100:02d}", datetime.date(start, month, 1)
    if period_type == PeriodType.CALENDAR_YEAR:
        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(expected)
        year = _year(text)
        return str(year), datetime.date(year, 1, 1)
    if period_type == PeriodType.QUARTER:
        match = _QUARTER.match(text)
        if not match:
            raise ValueError(expected)
        year, quarter = _year(match.group(1)), int(match.group(2))
        return f"{year} Q{quarter}", datetime.date(year, 3 * quarter - 2, 1)
    if period_type == PeriodType.MONTH:
        match = _MONTH.match(text)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(expected)
        year, month = _year(match.group(1)), int(match.group(2))
        return f"{year}-{month:02d}", datetime.date(year, month, 1)
    raise ValueError(expected)
