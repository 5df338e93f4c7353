"""Fuzzing the ORUK importer: arbitrary JSON and a good file with one value swapped for
something odd. Whatever the file, it is imported whole or refused with every error named by
its JSON path, and a refusal writes nothing."""

import copy
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.hubs.exports import export_services
from actlocally.hubs.importers import ImportRejected, import_services
from actlocally.hubs.models import Location, Service
from tests.factories_hubs import full_service

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

ODD = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=False),
    st.text(max_size=300),
    st.sampled_from(["", "x" * 5000, "not-a-uuid", "25:99", "99", "-1", "WEEKLY", "free"]),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


def paths_of(value, prefix=()):
    """Every place (a key path) in a JSON value."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from paths_of(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from paths_of(item, (*prefix, index))


def outcome(partnership, raw):
    before = (Service.objects.count(), Location.objects.count())
    try:
        import_services(partnership=partnership, raw=raw, by=None)
    except ImportRejected as rejected:
        assert rejected.errors
        assert all(error.path.startswith("$") for error in rejected.errors)
        assert (Service.objects.count(), Location.objects.count()) == before


@pytest.fixture
def good():
    service = full_service()
    return service.partnership, export_services(service.partnership)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_a_good_file_with_one_value_changed_is_imported_or_refused_cleanly(good, data):
    partnership, document = good
    changed = copy.deepcopy(document)
    places = [p for p in paths_of(changed) if p]
    place = data.draw(st.sampled_from(places))
    target = changed
    for key in place[:-1]:
        target = target[key]
    target[place[-1]] = data.draw(ODD)

    outcome(partnership, json.dumps(changed))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=JSON)
def test_any_json_is_imported_or_refused_cleanly(good, value):
    partnership, _document = good
    outcome(partnership, json.dumps(value))


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(raw=st.binary(max_size=200))
def test_any_bytes_are_imported_or_refused_cleanly(good, raw):
    partnership, _document = good
    outcome(partnership, raw)
