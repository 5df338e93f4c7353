"""Property-based fuzzing of the extract importer, the analysis page's query parameters and the
SQL mode: whatever arrives, the answer is a load or a refusal naming rows, never an exception."""

import contextlib
import itertools

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.linkage import analyses, ingest, store
from actlocally.linkage.schemas import DATASETS

pytestmark = [pytest.mark.fuzz]

GOOD = (
    "record_id,first_name,last_name,date_of_birth,sex,postcode,contact_count,youth_justice_outcome\n"
    "P1,Ali,Khan,2012-01-01,M,BD8 1AA,2,none\n"
    "P2,Amelia,Smith,2013-02-03,F,BD21 2BB,1,none\n"
)
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "-1", "99999999999", "2012-13-45", "Y", "N", "X", '"', "é😀", "=1+1"]),
)
_ids = itertools.count(1)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400) | st.text(max_size=400).map(str.encode))
def test_ingest_of_any_bytes_loads_or_refuses(tmp_path, data):
    with override_settings(LINKAGE_DATA_DIR=tmp_path / "d", LINKAGE_KEY_DIR=tmp_path / "k"):
        pid = next(_ids)
        path = tmp_path / f"{pid}.csv"
        path.write_bytes(data)
        loaded = ingest.ingest(pid, "police", path, file_label="f.csv")
        if loaded.errors:
            assert not store.data_path(pid).exists()
            assert all("row" in e and "message" in e for e in loaded.errors)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    row=st.integers(0, 1),
    column=st.integers(0, 7),
    value=cell,
    dataset=st.sampled_from(sorted(DATASETS)),
)
def test_mutated_extract_loads_or_names_its_rows(tmp_path, row, column, value, dataset):
    lines = GOOD.splitlines()
    cells = lines[row + 1].split(",")
    cells[column] = '"' + value.replace('"', '""') + '"'
    lines[row + 1] = ",".join(cells)
    with override_settings(LINKAGE_DATA_DIR=tmp_path / "d", LINKAGE_KEY_DIR=tmp_path / "k"):
        pid = next(_ids)
        path = tmp_path / f"{pid}.csv"
        path.write_text("\n".join(lines) + "\n")
        loaded = ingest.ingest(pid, dataset, path, file_label="f.csv")
        if loaded.errors:
            assert not store.data_path(pid).exists()


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(sql=st.text(max_size=200))
def test_any_sql_is_run_or_refused(tmp_path, sql):
    with override_settings(LINKAGE_DATA_DIR=tmp_path / "d"):
        pid = next(_ids)
        with store.connect_data(pid) as con:
            con.execute("CREATE TABLE children AS SELECT 'E01000001' AS lsoa, 1 AS year_group")
        with contextlib.suppress(analyses.QueryRefused):
            analyses.run_query(pid, sql)


# A NUL anywhere in a query string is refused by the middleware with 400 before any view runs
# (tests/test_query_parameters.py); the analysis page must answer everything else.
PARAMETER = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=20
)


@pytest.mark.django_db
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(by=PARAMETER, area=PARAMETER)
def test_analysis_page_answers_any_parameters(client, world, by, area):
    from actlocally.partnerships.models import Role
    from tests.url_tables.linkage import analysis

    client.force_login(world.people[Role.RESEARCH_PARTNER])
    kwargs = analysis(world)
    response = client.get(
        f"/connected-data/{kwargs['pk']}/analyses/dental-absence/", {"by": by, "area": area}
    )
    assert response.status_code == 200
