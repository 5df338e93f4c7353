"""Taking in an agency extract: check every row against its schema, then pseudonymise it.

All-or-nothing: the file is read into an in-memory DuckDB, every rule is checked over the whole
file in SQL, and only a file without errors is written to the project's store. Errors name the
row and the column, never the value (it may be a child's name).
"""

from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow as pa

from . import store
from .schemas import DATASETS, HASHED_KINDS, IDENTIFIER_KINDS, Column, Dataset

MAX_ERRORS = 100
TRUTH = "ground_truth"
TRUTH_COLUMNS = ("source", "record_id", "child_id", "name_group")


@dataclass
class Loaded:
    rows: int = 0
    errors: list[dict] = field(default_factory=list)
    more_errors: int = 0


def _blank(v: str) -> str:
    return f"({v} IS NULL OR TRIM({v}) = '')"


def _rule(column: Column) -> tuple[str, str] | None:
    """(SQL true when the value is wrong, what to fix) for a column's kind."""
    v = f'"{column.name}"'
    present = f"NOT {_blank(v)}"
    if column.kind in ("record", "text"):
        return (f"LENGTH({v}) > 200", "is longer than 200 characters")
    if column.kind == "upn":
        return (
            f"{present} AND NOT REGEXP_FULL_MATCH(UPPER(TRIM({v})), '[A-Z][0-9]{{11}}[0-9A-Z]')",
            "is not a UPN (a letter, 11 digits and a digit or letter)",
        )
    if column.kind == "nhs":
        return (
            f"{present} AND NOT REGEXP_FULL_MATCH(REPLACE({v}, ' ', ''), '[0-9]{{10}}')",
            "is not an NHS number (10 digits)",
        )
    if column.kind == "dob":
        return (
            f"{present} AND TRY_STRPTIME(TRIM({v}), '%Y-%m-%d') IS NULL",
            "is not a date written YYYY-MM-DD",
        )
    if column.kind == "sex":
        return (f"{present} AND UPPER(TRIM({v})) NOT IN ('M', 'F', 'U')", "must be M, F or blank")
    if column.kind in ("first_name", "last_name", "postcode"):
        return (f"LENGTH({v}) > 100", "is longer than 100 characters")
    if column.kind == "int":
        top = column.max_value or 10**9
        return (
            f"{present} AND COALESCE(TRY_CAST(TRIM({v}) AS BIGINT) NOT BETWEEN 0 AND {top}, TRUE)",
            f"must be a whole number from 0 to {top}",
        )
    if column.kind == "flag":
        return (f"{present} AND UPPER(TRIM({v})) NOT IN ('Y', 'N')", "must be Y or N")
    if column.kind == "lsoa":
        return (
            f"{present} AND NOT REGEXP_FULL_MATCH(TRIM({v}), 'E0[0-9]{{7}}')",
            "is not an LSOA code (E01… with 9 characters)",
        )
    return None


def read(
    path: Path, columns: list[str], *, file_label: str
) -> tuple[duckdb.DuckDBPyConnection, Loaded]:
    """The file in a fresh in-memory DuckDB as table `raw` (every value text, `__row` = the line
    number people see in a spreadsheet), or the errors that stop it being read."""
    con = duckdb.connect(":memory:")
    loaded = Loaded()
    try:
        con.execute(
            "CREATE TABLE raw AS SELECT (ROW_NUMBER() OVER () + 1)::BIGINT AS __row, * "
            "FROM read_csv(?, all_varchar = true, header = true, auto_detect = true, "
            "strict_mode = true)",
            [str(path)],
        )
    except duckdb.Error:
        loaded.errors.append(
            {
                "file": file_label,
                "row": "",
                "column": "",
                "message": "The file could not be read as CSV with a header row. Save it as "
                "CSV (comma-separated, UTF-8) with the column names in the first row.",
            }
        )
        return con, loaded
    have = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns "
                                      "WHERE table_name = 'raw'").fetchall()}  # fmt: skip
    missing = [c for c in columns if c not in have]
    if missing:
        loaded.errors.append(
            {
                "file": file_label,
                "row": 1,
                "column": ", ".join(missing),
                "message": f"These columns are missing from the header row: {', '.join(missing)}.",
            }
        )
    loaded.rows = con.execute("SELECT COUNT(*) FROM raw").fetchone()[0]
    if not loaded.rows and not missing:
        loaded.errors.append(
            {"file": file_label, "row": 2, "column": "", "message": "The file has no rows."}
        )
    return con, loaded


def check(con: duckdb.DuckDBPyConnection, dataset: Dataset, loaded: Loaded, *, file_label: str) -> None:  # fmt: skip
    key = (dataset.of_kind("record") or dataset.of_kind("upn"))[0]
    for column in dataset.columns:
        v = f'"{column.name}"'
        rules = []
        if column.required:
            rules.append((_blank(v), "is empty: every row needs a value"))
        if rule := _rule(column):
            rules.append(rule)
        if column is key:
            rules.append(
                (
                    f"NOT {_blank(v)} AND COUNT(*) OVER (PARTITION BY UPPER(TRIM({v}))) > 1",
                    "appears in more than one row: each record once",
                )
            )
        for condition, message in rules:
            _collect(con, condition, column.name, message, loaded, file_label)


def _collect(con, condition, column, message, loaded, file_label) -> None:
    sql = f"SELECT __row FROM (SELECT __row, {condition} AS bad FROM raw) WHERE bad ORDER BY __row"
    rows = [r[0] for r in con.execute(sql).fetchall()]
    room = MAX_ERRORS - len(loaded.errors)
    for row in rows[: max(room, 0)]:
        loaded.errors.append(
            {"file": file_label, "row": row, "column": column, "message": f"{column} {message}."}
        )
    loaded.more_errors += max(len(rows) - max(room, 0), 0)


def _normalised_ids(con, column: Column) -> list[str | None]:
    v = f'"{column.name}"'
    if column.kind == "nhs":
        sql = f"SELECT NULLIF(REPLACE(TRIM({v}), ' ', ''), '') FROM raw ORDER BY __row"
    else:
        sql = f"SELECT NULLIF(UPPER(TRIM({v})), '') FROM raw ORDER BY __row"
    return [r[0] for r in con.execute(sql).fetchall()]


def _attribute_sql(column: Column) -> str:
    v = f'"{column.name}"'
    if column.kind == "int":
        return f"TRY_CAST(TRIM({v}) AS BIGINT) AS {v}"
    if column.kind == "flag":
        return f"(UPPER(TRIM({v})) = 'Y') AS {v}"
    return f"NULLIF(TRIM({v}), '') AS {v}"


def ingest(project_id: int, dataset_name: str, path: Path, *, file_label: str) -> Loaded:
    """Check the extract and, if it has no errors, replace the project's copy of that dataset:
    pseudonymised attributes in the data store, identifiers in the identifier store."""
    if dataset_name == TRUTH:
        return ingest_truth(project_id, path, file_label=file_label)
    dataset = DATASETS[dataset_name]
    con, loaded = read(path, dataset.names, file_label=file_label)
    if not loaded.errors:
        check(con, dataset, loaded, file_label=file_label)
    if loaded.errors:
        con.close()
        return loaded
    secret = store.key(project_id)
    hashed = {}
    record_column = (dataset.of_kind("record") or dataset.of_kind("upn"))[0]
    hashed["pseudo_id"] = store.pseudonyms(
        secret, f"record:{dataset.name}", _normalised_ids(con, record_column)
    )
    for column in dataset.of_kind("upn", "nhs"):
        hashed[f"{column.kind}_hash"] = store.pseudonyms(
            secret, column.kind, _normalised_ids(con, column)
        )
    con.register("__hashed", pa.table(hashed))
    con.execute(
        "CREATE TABLE __hashed_rows AS SELECT ROW_NUMBER() OVER () + 1 AS __row, * FROM __hashed"
    )
    attributes = [
        _attribute_sql(c)
        for c in dataset.columns
        if c.kind not in HASHED_KINDS and c.kind not in IDENTIFIER_KINDS
    ]
    hash_cols = ", ".join(f"h.{k}" for k in hashed)
    data = con.sql(
        f"SELECT {', '.join([hash_cols, *attributes])} FROM raw "
        f"JOIN __hashed_rows h USING (__row) ORDER BY __row"
    ).to_arrow_table()
    identifiers = None
    if dataset.linked:
        names = {c.kind: c.name for c in dataset.of_kind(*IDENTIFIER_KINDS)}
        identifiers = con.sql(
            f"""SELECT h.pseudo_id AS record_id,
                NULLIF(TRIM("{names["first_name"]}"), '') AS first_name,
                NULLIF(TRIM("{names["last_name"]}"), '') AS last_name,
                NULLIF(TRIM("{names["dob"]}"), '') AS date_of_birth,
                NULLIF(TRIM("{names["sex"]}"), '') AS sex,
                NULLIF(TRIM("{names["postcode"]}"), '') AS postcode
            FROM raw JOIN __hashed_rows h USING (__row) ORDER BY __row"""
        ).to_arrow_table()
    con.close()
    _write(project_id, f"ds_{dataset.name}", data, identifiers)
    return loaded


def _write(project_id: int, table: str, data: pa.Table, identifiers: pa.Table | None) -> None:
    with store.connect_data(project_id) as con:
        con.register("__in", data)
        con.execute(f"CREATE OR REPLACE TABLE {table} AS SELECT * FROM __in")
    if identifiers is not None:
        with store.connect_identifiers(project_id) as con:
            con.register("__in", identifiers)
            con.execute(f"CREATE OR REPLACE TABLE ident_{table[3:]} AS SELECT * FROM __in")


def ingest_truth(project_id: int, path: Path, *, file_label: str) -> Loaded:
    """The synthetic ground-truth key, for evaluating the linkage only: record ids hashed as the
    extracts' are, child ids hashed too."""
    con, loaded = read(path, list(TRUTH_COLUMNS), file_label=file_label)
    if not loaded.errors:
        for name in TRUTH_COLUMNS:
            _collect(con, _blank(f'"{name}"'), name, "is empty", loaded, file_label)
        known = ", ".join(f"'{d}'" for d in DATASETS)
        _collect(con, f"source NOT IN ({known})", "source", "is not a dataset", loaded, file_label)
    if loaded.errors:
        con.close()
        return loaded
    secret = store.key(project_id)
    rows = con.execute(
        "SELECT source, UPPER(TRIM(record_id)), child_id, name_group FROM raw ORDER BY __row"
    ).fetchall()
    table = pa.table(
        {
            "source": [r[0] for r in rows],
            "record_id": [store.pseudonym(secret, f"record:{r[0]}", r[1]) for r in rows],
            "child_id": store.pseudonyms(secret, "child", [r[2] for r in rows]),
            "name_group": [r[3] for r in rows],
        }
    )
    con.close()
    _write(project_id, "ds_ground_truth", table, None)
    return loaded
