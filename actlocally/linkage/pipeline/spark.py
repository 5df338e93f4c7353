"""The same linkage on Spark (LINKAGE_BACKEND = "spark"): the standardised tables go from DuckDB
to Spark DataFrames, Splink's Spark backend trains, predicts and clusters with the same settings.

By default a local session (`local[2]`); set SPARK_MASTER (e.g. spark://host:7077, or yarn) to run
on a cluster: see docs/linkage.md.
"""

import os
import tempfile

import duckdb

COLUMNS = (
    "record_id STRING, first_name_std STRING, first_key STRING, last_name_std STRING, "
    "last_key STRING, dob DATE, sex STRING, postcode STRING"
)


def spark_session():
    from pyspark.sql import SparkSession
    from splink.internals.spark.jar_location import similarity_jar_location

    session = (
        SparkSession.builder.master(os.environ.get("SPARK_MASTER", "local[2]"))
        .appName("actlocally-linkage")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.ui.enabled", "false")
        # Splink's Scala UDFs (Jaro-Winkler and friends), shipped inside the splink package.
        .config("spark.jars", similarity_jar_location())
        .getOrCreate()
    )
    # Splink checkpoints intermediate tables (clustering's iterations) to break long lineages.
    session.sparkContext.setCheckpointDir(
        os.environ.get("SPARK_CHECKPOINT_DIR", tempfile.mkdtemp(prefix="actlocally-spark-"))
    )
    return session


def link_tables_on_spark(
    con: duckdb.DuckDBPyConnection, tables: dict[str, str], *, threshold, progress
):
    from splink import Linker
    from splink.backends.spark import SparkAPI

    from .link import _train_predict_cluster, settings

    spark = spark_session()
    api = SparkAPI(spark_session=spark)
    frames = []
    for name, table in tables.items():
        rows = con.execute(
            f"SELECT record_id, first_name_std, first_key, last_name_std, last_key, dob, sex, "
            f"postcode FROM {table}"
        ).fetchall()
        frames.append(
            api.register(spark.createDataFrame(rows, schema=COLUMNS), dataset_display_name=name)
        )
    linker = Linker(frames, settings(list(tables)), log_level="WARNING")
    return _train_predict_cluster(linker, threshold=threshold, progress=progress)
