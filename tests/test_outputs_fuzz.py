"""Property-based fuzzing of output checking: the CSV reader, the engine on any JSON-shaped
table, and the upload and decision pages. Whatever comes in is either read or refused with a
message saying what to fix; nothing is half-written and no page answers 500."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.outputs import services
from actlocally.outputs.disclosure import TableError, check_table
from actlocally.outputs.models import OutputRequest
from tests.test_places_importers_fuzz import mutated_csv

from .factories_outputs import output_world

pytestmark = [pytest.mark.fuzz]

GOOD = "Ward,Dental,Other\nKeighley Central,212,1843\nWorth Valley,64,1138\nCraven,8,1024\n"
SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
CELLS = st.one_of(
    st.integers(min_value=-5, max_value=10**6),
    st.text(max_size=6),
    st.none(),
    st.booleans(),
    st.floats(allow_nan=True),
)


@settings(max_examples=150, deadline=None)
@given(data=st.one_of(mutated_csv(GOOD), st.binary(max_size=300)))
def test_the_csv_reader_reads_or_says_what_to_fix(data):
    try:
        table = services.table_from_csv(data)
    except ValidationError as refused:
        assert refused.messages and all(m for m in refused.messages)
    else:
        check_table(table)


@settings(max_examples=200, deadline=None)
@given(
    table=st.fixed_dictionaries(
        {
            "columns": st.lists(st.text(max_size=5), max_size=5),
            "rows": st.lists(st.lists(CELLS, max_size=5), max_size=5),
        },
        optional={
            "label_columns": st.one_of(st.integers(-1, 4), st.text(max_size=2)),
            "row_totals": st.booleans(),
            "column_totals": st.booleans(),
            "ratios": st.lists(
                st.dictionaries(
                    st.sampled_from(["name", "numerator", "denominator", "per"]),
                    st.one_of(st.text(max_size=5), st.integers(-2, 200)),
                ),
                max_size=2,
            ),
        },
    )
)
def test_the_engine_checks_any_table_or_refuses_it(table):
    try:
        check_table(table)
    except TableError as refused:
        assert str(refused)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(data=st.one_of(mutated_csv(GOOD), st.binary(max_size=300)))
def test_the_upload_page_never_fails(client, data):
    w = output_world()
    client.force_login(w.analyst)
    before = OutputRequest.objects.count()
    response = client.post(
        reverse("outputs_new", kwargs={"project_pk": w.project.pk}),
        {
            "title": "Fuzzed",
            "description": "Fuzzed table.",
            "label_columns": "1",
            "profile": "ons-srs",
            "file": SimpleUploadedFile("fuzz.csv", data),
        },
    )
    assert response.status_code in (200, 302)
    assert OutputRequest.objects.count() == before + (1 if response.status_code == 302 else 0)


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(decision=st.text(max_size=10), reason=st.text(max_size=50))
def test_the_decision_page_never_fails(client, decision, reason):
    w = output_world()
    services.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    client.force_login(w.checkers[0])
    response = client.post(
        reverse("outputs_decide", kwargs={"pk": w.output.pk}),
        {"decision": decision, "reason": reason},
    )
    assert response.status_code in (200, 302)
