"""Periods are read as UK public bodies write them, into one label and the day each starts."""

import datetime

import pytest

from actlocally.measurement.periods import parse_period


@pytest.mark.parametrize(
    ("kind", "text", "label", "start"),
    [
        ("academic_year", "2022/23", "2022/23", datetime.date(2022, 9, 1)),
        ("academic_year", "2022-2023", "2022/23", datetime.date(2022, 9, 1)),
        ("financial_year", "2021/22", "2021/22", datetime.date(2021, 4, 1)),
        ("financial_year", "1999/00", "1999/00", datetime.date(1999, 4, 1)),
        ("calendar_year", "2023", "2023", datetime.date(2023, 1, 1)),
        ("quarter", "2023 q3", "2023 Q3", datetime.date(2023, 7, 1)),
        ("month", "2022-4", "2022-04", datetime.date(2022, 4, 1)),
    ],
)
def test_periods_are_read_into_a_label_and_a_start(kind, text, label, start):
    assert parse_period(kind, text) == (label, start)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("academic_year", "2022/24"),
        ("academic_year", "2022"),
        ("calendar_year", "1066"),
        ("quarter", "2023 Q5"),
        ("month", "2022-13"),
        ("month", ""),
        ("unknown", "2022"),
    ],
)
def test_what_is_not_a_period_of_its_type_is_refused(kind, text):
    with pytest.raises(ValueError):
        parse_period(kind, text)
