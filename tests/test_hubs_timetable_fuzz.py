"""Fuzzing the timetable's recurrence rules: whatever is typed, a rule is used or refused
with a reason (ValidationError on the rule), never an error page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given, settings
from hypothesis import strategies as st

from actlocally.hubs.timetable import MOST_SESSIONS, rule_dates

pytestmark = pytest.mark.fuzz

PARTS = st.sampled_from(
    [
        "FREQ=WEEKLY",
        "FREQ=MONTHLY",
        "FREQ=DAILY",
        "FREQ=YEARLY",
        "FREQ=SECONDLY",
        "BYDAY=TU",
        "BYDAY=1TU",
        "BYDAY=-1FR",
        "BYDAY=9ZZ",
        "INTERVAL=2",
        "INTERVAL=0",
        "INTERVAL=-3",
        "COUNT=3",
        "COUNT=0",
        "COUNT=99999999999999999999",
        "UNTIL=20270722",
        "UNTIL=19990101",
        "UNTIL=2027",
        "BYMONTHDAY=31",
        "BYMONTH=2;BYMONTHDAY=30",
        "DTSTART=20260101",
        "WKST=SU",
    ]
)
RULES = st.one_of(st.lists(PARTS, max_size=5).map(";".join), st.text(max_size=60))


@settings(max_examples=150, deadline=None)
@given(rule=RULES, first_on=st.dates(datetime.date(1900, 1, 1), datetime.date(9000, 1, 1)))
def test_any_rule_is_used_or_refused_with_a_reason(rule, first_on):
    try:
        dates = rule_dates(rule, first_on)
    except ValidationError as refused:
        assert "rrule" in refused.message_dict
    else:
        assert len(dates) <= MOST_SESSIONS
