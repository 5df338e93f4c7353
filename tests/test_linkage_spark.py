"""The Spark path: a small linkage on a local Spark session gives the same clusters as DuckDB.
Skipped only where Java or pyspark is missing (both are installed on the development machine)."""

import shutil

import pytest

from actlocally.linkage.pipeline.run import link_csv_files
from actlocally.linkage.synth.generate import generate, write

pytestmark = pytest.mark.skipif(
    shutil.which("java") is None or pytest.importorskip("pyspark", reason="no pyspark") is None,
    reason="Spark needs Java (Debian's openjdk-17-jre-headless)",
)


def clusters(rows):
    groups = {}
    for source, record, person in rows:
        groups.setdefault(person, set()).add((source, record))
    return {frozenset(g) for g in groups.values()}


# py4j leaves its local sockets to the garbage collector: not a fault of the linkage.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_spark_and_duckdb_find_the_same_people(settings, tmp_path):
    write(generate(300, seed=11), tmp_path)
    spine = tmp_path / "school.csv"
    lines = (tmp_path / "school_census.csv").read_text().splitlines()
    spine.write_text("\n".join(["record_id" + lines[0][len('"upn"') :], *lines[1:]]) + "\n")
    sources = {"school": spine, "health": tmp_path / "health.csv"}
    settings.LINKAGE_BACKEND = "duckdb"
    on_duckdb = clusters(link_csv_files(sources))
    settings.LINKAGE_BACKEND = "spark"
    on_spark = clusters(link_csv_files(sources))
    from actlocally.linkage.pipeline.spark import spark_session

    spark_session().stop()
    assert on_spark == on_duckdb
