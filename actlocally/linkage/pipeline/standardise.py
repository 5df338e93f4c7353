"""Standardising the identifiers every linkage compares: names (with a transliteration-aware key),
date of birth, sex and postcode.

Names are normalised once per distinct value (a few thousand), not per record, so the Python
rules cost nothing at 200,000 records; the rest is DuckDB SQL.
"""

import re
import unicodedata
from functools import lru_cache

import duckdb
import pyarrow as pa

from actlocally.linkage.synth.names import NICKNAMES

_NOT_LETTERS = re.compile(r"[^a-z]")
_VOWELS = re.compile(r"[aeiouy]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=200_000)
def clean_name(value: str | None) -> str:
    """Lower case, accents folded, letters only, nicknames to the formal name: "O'Neil" -> "oneil"."""
    if not value:
        return ""
    folded = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
    name = _NOT_LETTERS.sub("", folded.lower())
    return NICKNAMES.get(name, name)


@lru_cache(maxsize=200_000)
def transliteration_key(value: str | None) -> str:
    """A key on which spellings of one name transliterated from Urdu, Punjabi, Arabic or Bengali
    agree (Mohammed/Muhammad/Mohamed, Aisha/Ayesha, Hussain/Hussein/Husain, Yusuf/Yousuf): after
    the first letter every run of vowels becomes one "a", "h" and "w" after the first letter go
    (they mark sounds English spelling writes inconsistently), and doubled letters are single.

    Without it, a child whose GP writes "Mohammed" and whose school writes "Muhammad" looks less
    alike than "Jack" and "Jack": the quality report's match rate by name group shows the gap."""
    name = clean_name(value)
    if not name:
        return ""
    head, tail = name[0], name[1:]
    if head in "aeiouy":
        head = "a"
    tail = _VOWELS.sub("a", tail)
    tail = tail.replace("h", "").replace("w", "")
    # "k" and "q" write one sound (Qureshi/Kureshi).
    key = (head + tail).replace("k", "q")
    return _REPEATS.sub(r"\1", key)


def add_standardised_columns(con: duckdb.DuckDBPyConnection, table: str, out: str) -> None:
    """Create `out` from `table` (record_id, first_name, last_name, date_of_birth, sex, postcode,
    all text) with the standardised columns Splink compares."""
    distinct = con.execute(
        f"SELECT DISTINCT first_name AS n FROM {table} UNION SELECT DISTINCT last_name FROM {table}"
    ).fetchall()
    rows = [(n, clean_name(n), transliteration_key(n)) for (n,) in distinct if n is not None]
    names = pa.table(
        {
            "raw": [r[0] for r in rows],
            "std": [r[1] for r in rows],
            "key": [r[2] for r in rows],
        },
        schema=pa.schema([("raw", pa.string()), ("std", pa.string()), ("key", pa.string())]),
    )
    con.register("__names_arrow", names)
    con.execute("CREATE OR REPLACE TEMP TABLE __names AS SELECT * FROM __names_arrow")
    con.unregister("__names_arrow")
    con.execute(
        f"""
        CREATE OR REPLACE TABLE {out} AS
        SELECT
            t.record_id,
            NULLIF(f.std, '') AS first_name_std,
            NULLIF(f.key, '') AS first_key,
            NULLIF(l.std, '') AS last_name_std,
            NULLIF(l.key, '') AS last_key,
            CAST(TRY_STRPTIME(TRIM(t.date_of_birth), '%Y-%m-%d') AS DATE) AS dob,
            CASE UPPER(TRIM(t.sex)) WHEN 'M' THEN 'M' WHEN 'F' THEN 'F' END AS sex,
            {postcode_sql("t.postcode")} AS postcode
        FROM {table} t
        LEFT JOIN __names f ON f.raw = t.first_name
        LEFT JOIN __names l ON l.raw = t.last_name
        """
    )
    con.execute("DROP TABLE __names")


def postcode_sql(column: str) -> str:
    """Upper case with one space before the inward code ("bd216yb" -> "BD21 6YB"); NULL if it
    is not a postcode's shape."""
    squashed = f"REGEXP_REPLACE(UPPER(COALESCE({column}, '')), '[^A-Z0-9]', '', 'g')"
    return (
        f"CASE WHEN REGEXP_MATCHES({squashed}, '^[A-Z]{{1,2}}[0-9][A-Z0-9]?[0-9][A-Z]{{2}}$') "
        f"THEN SUBSTR({squashed}, 1, LENGTH({squashed}) - 3) || ' ' || RIGHT({squashed}, 3) END"
    )


def normalise_postcode(value: str | None) -> str:
    squashed = re.sub(r"[^A-Z0-9]", "", (value or "").upper())
    if not re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}", squashed):
        return ""
    return f"{squashed[:-3]} {squashed[-3:]}"
