"""The whole linkage of one project: read the identifier store, standardise, link, cluster, write
the person links and the analysts' views, evaluate against the truth (when loaded), and purge
the identifier store.

Also `link_csv_files`, the same linkage for the `link_records` command (plain CSV in and out).
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa
from django.conf import settings

from actlocally.linkage import store
from actlocally.linkage.schemas import DATASETS

from .evaluate import Quality, evaluate
from .link import DEFAULT_THRESHOLD, LinkResult, link_tables
from .standardise import add_standardised_columns

SPINE = "school_census"
Progress = Callable[[int, str], None]


@dataclass
class RunOutcome:
    result: LinkResult
    quality: Quality | None
    records: int
    people: int


def _clusters_table(con: duckdb.DuckDBPyConnection, result: LinkResult, name: str) -> None:
    table = pa.table(
        {
            "source": [c[0] for c in result.clusters],
            "record_id": [c[1] for c in result.clusters],
            "person_id": [c[2] for c in result.clusters],
        },
        schema=pa.schema(
            [("source", pa.string()), ("record_id", pa.string()), ("person_id", pa.string())]
        ),
    )
    con.register(f"__{name}", table)
    con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM __{name}")
    con.unregister(f"__{name}")


def link_project(
    project_id: int, *, threshold: float = DEFAULT_THRESHOLD, progress: Progress = lambda p, s: None
) -> RunOutcome:
    work = duckdb.connect(":memory:")
    sources = {}
    progress(5, "Reading the identifier store")
    with store.connect_identifiers(project_id, read_only=True) as ident:
        present = {
            r[0]
            for r in ident.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        for name, dataset in DATASETS.items():
            if dataset.linked and f"ident_{name}" in present:
                rows = ident.sql(f"SELECT * FROM ident_{name}").to_arrow_table()
                work.register(f"__raw_{name}", rows)
                add_standardised_columns(work, f"__raw_{name}", f"std_{name}")
                work.unregister(f"__raw_{name}")
                sources[name] = f"std_{name}"
    if len(sources) < 2:
        raise ValueError("Load at least two extracts with names before linking.")
    progress(20, "Standardised names, dates of birth and postcodes")
    result = link_tables(
        work, sources, threshold=threshold, progress=progress, backend=settings.LINKAGE_BACKEND
    )
    progress(85, "Writing the person links")
    secret = store.key(project_id)
    # A person id is a keyed hash of the cluster: no record's own pseudonym shows through it.
    ids = store.pseudonyms(secret, "person", [c[2] for c in result.clusters])
    result.clusters = [(s, r, p) for (s, r, _), p in zip(result.clusters, ids, strict=True)]
    work.close()
    quality = None
    with store.connect_data(project_id) as con:
        _clusters_table(con, result, "person_link")
        _create_views(con)
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
        if "ds_ground_truth" in tables:
            progress(92, "Comparing with the synthetic truth")
            quality = evaluate(con, clusters="person_link", truth="ds_ground_truth", spine=SPINE)
        records, people = con.execute(
            "SELECT COUNT(*), COUNT(DISTINCT person_id) FROM person_link"
        ).fetchone()
    progress(97, "Purging the identifier store")
    store.purge_identifiers(project_id)
    return RunOutcome(result=result, quality=quality, records=records, people=people)


VIEWS = {
    "children": (
        "SELECT l.person_id, d.lsoa, d.school_urn, d.school_name, d.year_group, d.fsm, d.send, "
        "d.eal FROM ds_school_census d JOIN person_link l "
        "ON l.source = 'school_census' AND l.record_id = d.pseudo_id"
    ),
    "attendance": (
        "SELECT l.person_id, a.academic_year, a.sessions_possible, a.missed_illness, "
        "a.missed_medical, a.missed_dental, a.missed_other_authorised, a.missed_unauthorised "
        "FROM ds_attendance a JOIN ds_school_census d ON d.upn_hash = a.upn_hash "
        "JOIN person_link l ON l.source = 'school_census' AND l.record_id = d.pseudo_id"
    ),
    "health": (
        "SELECT l.person_id, h.dental_registered, h.mh_support_referred, h.mh_support_attended "
        "FROM ds_health h JOIN person_link l ON l.source = 'health' AND l.record_id = h.pseudo_id"
    ),
    "police": (
        "SELECT l.person_id, p.contact_count, p.youth_justice_outcome FROM ds_police p "
        "JOIN person_link l ON l.source = 'police' AND l.record_id = p.pseudo_id"
    ),
    "early_help": (
        "SELECT l.person_id, e.lead_agency, e.episode_weeks FROM ds_early_help e "
        "JOIN person_link l ON l.source = 'early_help' AND l.record_id = e.pseudo_id"
    ),
}


def _create_views(con: duckdb.DuckDBPyConnection) -> None:
    """The analysts' tables: one row per linked person and dataset, by person id only."""
    present = {
        r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    needs = {
        "children": {"ds_school_census"},
        "attendance": {"ds_attendance", "ds_school_census"},
        "health": {"ds_health"},
        "police": {"ds_police"},
        "early_help": {"ds_early_help"},
    }
    for name, sql in VIEWS.items():
        con.execute(f"DROP VIEW IF EXISTS {name}")
        if needs[name] <= present:
            con.execute(f"CREATE VIEW {name} AS {sql}")


def link_csv_files(
    sources: dict[str, Path],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Progress = lambda p, s: None,
) -> list[tuple[str, str, str]]:
    """`link_records`: each CSV (record_id, first_name, last_name, date_of_birth, sex, postcode;
    other columns ignored) linked to the others; (source, record_id, person_id) per record."""
    con = duckdb.connect(":memory:")
    tables = {}
    for name, path in sources.items():
        con.execute(
            f"CREATE TABLE raw_{len(tables)} AS SELECT TRIM(record_id) AS record_id, first_name, "
            "last_name, date_of_birth, sex, postcode "
            "FROM read_csv(?, all_varchar = true, header = true)",
            [str(path)],
        )
        add_standardised_columns(con, f"raw_{len(tables)}", f"std_{len(tables)}")
        tables[name] = f"std_{len(tables)}"
    result = link_tables(
        con, tables, threshold=threshold, progress=progress, backend=settings.LINKAGE_BACKEND
    )
    # Person ids numbered from 1 in order of first appearance, so the output reads plainly.
    numbers: dict[str, int] = {}
    order = {name: i for i, name in enumerate(sources)}
    rows = sorted(result.clusters, key=lambda c: (order[c[0]], c[1]))
    return [(s, r, f"P{numbers.setdefault(c, len(numbers) + 1):07d}") for s, r, c in rows]
