"""Probabilistic linkage with Splink 5: the model, its training (EM), prediction and clustering.

Each source is a table of standardised identifiers (see standardise.py) in one DuckDB database;
the sources are linked to each other (not deduplicated within themselves: one agency's extract
holds a child once) and clustered into person ids.
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field

import duckdb
import splink.comparison_level_library as cll
import splink.comparison_library as cl
from splink import Linker, SettingsCreator, block_on

# The match probability at and above which two records are taken to be one child. High, because
# a false link puts one child's police record on another's school record.
DEFAULT_THRESHOLD = 0.9
SEED = 42

logger = logging.getLogger(__name__)


def _name_comparison(column: str, key: str, label: str) -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name=label,
        comparison_levels=[
            cll.NullLevel(column),
            cll.ExactMatchLevel(column, term_frequency_adjustments=True),
            # Transliteration variants (Mohammed/Muhammad) count nearly as much as an exact match.
            cll.ExactMatchLevel(key).configure(label_for_charts="Transliteration key equal"),
            cll.JaroWinklerLevel(column, 0.92),
            cll.JaroWinklerLevel(column, 0.8),
            cll.ElseLevel(),
        ],
    )


DOB_LEVELS = [
    cll.NullLevel("dob"),
    cll.ExactMatchLevel("dob"),
    {
        "sql_condition": "day(dob_l) = month(dob_r) AND month(dob_l) = day(dob_r) "
        "AND year(dob_l) = year(dob_r)",
        "label_for_charts": "Day and month swapped",
    },
    cll.AbsoluteDateDifferenceLevel(
        "dob", input_is_string=False, threshold=2, metric="day"
    ).configure(label_for_charts="Within two days"),
    cll.ElseLevel(),
]


def settings(source_names: list[str]) -> SettingsCreator:
    return SettingsCreator(
        link_type="link_only" if len(source_names) > 1 else "dedupe_only",
        unique_id_column_name="record_id",
        comparisons=[
            _name_comparison("first_name_std", "first_key", "first_name"),
            _name_comparison("last_name_std", "last_key", "last_name"),
            cl.CustomComparison(output_column_name="date_of_birth", comparison_levels=DOB_LEVELS),
            cl.PostcodeComparison("postcode"),
            cl.ExactMatch("sex"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("dob", "substr(first_key, 1, 1)"),
            block_on("first_key", "last_key", "year(dob)"),
            block_on("postcode", "first_key"),
            block_on("postcode", "last_key"),
        ],
        retain_intermediate_calculation_columns=False,
        max_iterations=12,
        retain_matching_columns=False,
    )


@dataclass
class LinkResult:
    clusters: list[tuple[str, str, str]]  # (source, record_id, person_id)
    # Each comparison's levels and their match weights, for the quality report's chart.
    weights: list[dict] = field(default_factory=list)
    # Match weights of the scored pairs, binned: (lower edge, count).
    histogram: list[tuple[float, int]] = field(default_factory=list)
    threshold: float = DEFAULT_THRESHOLD
    pairs_scored: int = 0
    links: list[tuple[str, str, str, str]] = field(default_factory=list)


def link_tables(
    con: duckdb.DuckDBPyConnection,
    tables: dict[str, str],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    progress: Callable[[int, str], None] = lambda percent, stage: None,
    backend: str = "duckdb",
) -> LinkResult:
    """Link the standardised tables `tables` ({source name: table in `con`}) and cluster them."""
    if backend == "spark":
        from .spark import link_tables_on_spark

        return link_tables_on_spark(con, tables, threshold=threshold, progress=progress)
    from splink.backends.duckdb import DuckDBAPI

    api = DuckDBAPI(connection=con)
    frames = [api.register(table, dataset_display_name=name) for name, table in tables.items()]
    linker = Linker(frames, settings(list(tables)), log_level=logging.WARNING)
    return _train_predict_cluster(linker, threshold=threshold, progress=progress)


def _train_predict_cluster(linker: Linker, *, threshold: float, progress) -> LinkResult:
    progress(30, "Estimating how often two records match")
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_key", "last_key", "dob")], recall=0.8
    )
    progress(35, "Estimating u from random pairs")
    linker.training.estimate_u_using_random_sampling(max_pairs=1.5e6, seed=SEED)
    progress(45, "Training the model (expectation maximisation)")
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("postcode", "substr(first_key, 1, 1)"), estimate_without_term_frequencies=True
    )
    # Blocking on date of birth alone gives millions of pairs; its first surname letter as well
    # keeps enough to train the other comparisons at a fraction of the cost.
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on("dob", "substr(last_key, 1, 1)"), estimate_without_term_frequencies=True
    )
    progress(60, "Scoring candidate pairs")
    predictions = linker.inference.predict(threshold_match_probability=0.01)
    progress(80, "Clustering records into people")
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold
    )
    found = _rows(
        linker,
        f"SELECT source_dataset AS s, CAST(record_id AS VARCHAR) AS r, "
        f"CAST(cluster_id AS VARCHAR) AS c FROM {clusters.physical_name}",
    )
    histogram = _histogram(linker, predictions.physical_name)
    links = _rows(
        linker,
        f"SELECT source_dataset_l AS a, CAST(record_id_l AS VARCHAR) AS b, "
        f"source_dataset_r AS c, CAST(record_id_r AS VARCHAR) AS d "
        f"FROM {predictions.physical_name} WHERE match_probability >= {float(threshold)}",
    )
    return LinkResult(
        clusters=[(str(r["s"]), str(r["r"]), str(r["c"])) for r in found],
        weights=_weights(linker),
        histogram=histogram,
        threshold=threshold,
        pairs_scored=sum(c for _, c in histogram),
        links=[tuple(str(v) for v in r.values()) for r in links],
    )


def _rows(linker: Linker, sql: str) -> list[dict]:
    return linker.misc.query_sql(sql, output_type="splink_df").as_record_list()


def _histogram(linker: Linker, table: str) -> list[tuple[float, int]]:
    rows = _rows(
        linker,
        f"SELECT floor(match_weight) AS w, count(*) AS n FROM {table} GROUP BY 1 ORDER BY 1",
    )
    return [(float(r["w"]), int(r["n"])) for r in rows]


def _weights(linker: Linker) -> list[dict]:
    """Each comparison level's match weight (log2 of m/u), for the chart."""
    out = []
    model = linker._settings_obj
    for comparison in model.comparisons:
        for level in comparison.comparison_levels:
            if level.is_null_level:
                continue
            weight = level._log2_bayes_factor if level._has_estimated_values else None
            out.append(
                {
                    "comparison": comparison.output_column_name,
                    "level": level.label_for_charts,
                    "weight": round(float(weight), 2) if weight is not None else None,
                }
            )
    return out
