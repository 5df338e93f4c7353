"""How good a linkage is against the synthetic truth: pairwise precision, recall and F1, and the
match rate by name group (so bias against transliterated names shows).

Both are counted in DuckDB from the clusters and the truth key: no pair list is built in Python.
"""

from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Quality:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    # {name group: (records that should link to the school record, of them linked, rate %)}
    match_rate: dict[str, tuple[int, int, float]]

    @property
    def match_rate_gap(self) -> float:
        rates = [r for _, _, r in self.match_rate.values()]
        return round(max(rates) - min(rates), 2) if rates else 0.0


def evaluate(con: duckdb.DuckDBPyConnection, *, clusters: str, truth: str, spine: str) -> Quality:
    """`clusters`: (source, record_id, person_id); `truth`: (source, record_id, child_id,
    name_group); `spine`: the source every child is in (the school census)."""
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE __joined AS
        SELECT c.source, c.record_id, c.person_id, t.child_id, t.name_group
        FROM {clusters} c JOIN {truth} t USING (source, record_id)
        """
    )
    tp, true_pairs, predicted = con.execute(
        """
        SELECT
            (SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM
                (SELECT COUNT(*) AS n FROM __joined GROUP BY child_id, person_id)),
            (SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM
                (SELECT COUNT(*) AS n FROM __joined GROUP BY child_id)),
            (SELECT COALESCE(SUM(n * (n - 1) / 2), 0) FROM
                (SELECT COUNT(*) AS n FROM __joined GROUP BY person_id))
        """
    ).fetchone()
    rates = con.execute(
        """
        SELECT o.name_group, COUNT(*) AS should, COUNT(*) FILTER (o.person_id = s.person_id)
        FROM __joined o JOIN __joined s ON s.child_id = o.child_id AND s.source = ?
        WHERE o.source <> ?
        GROUP BY 1 ORDER BY 1
        """,
        [spine, spine],
    ).fetchall()
    con.execute("DROP TABLE __joined")
    precision = tp / predicted if predicted else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Quality(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        true_pairs=int(true_pairs),
        predicted_pairs=int(predicted),
        match_rate={g: (n, k, round(100 * k / n, 2)) for g, n, k in rates},
    )
