"""The panel's arithmetic: each panellist's weighted score of an application, the aggregate
across the panel (mean, spread, rank, count), divergence, ties and the proposed allocation.

Plain functions on plain values, so that the rules are tested without a database."""

from collections.abc import Iterable
from dataclasses import dataclass

# Applications whose panellists' scores differ by this many points (of 5) or more are flagged for
# the panel to discuss before agreeing.
DIVERGENCE = 1.5


def weighted_score(values: dict[int, int], weights: dict[int, int]) -> float:
    """One panellist's score of one application: their criterion scores, weighted (0 to 5)."""
    total = sum(weights.values())
    return sum(values.get(criterion, 0) * weight for criterion, weight in weights.items()) / total


@dataclass
class Row:
    """One application's line in the panel's scores."""

    key: int
    requested: int
    order: tuple = ()  # how applications with the same mean are listed: by submission
    scores: tuple[float, ...] = ()
    rank: int | None = None
    tied: bool = False
    proposed: int = 0
    partial: bool = False

    @property
    def count(self) -> int:
        return len(self.scores)

    @property
    def mean(self) -> float | None:
        return round(sum(self.scores) / len(self.scores), 2) if self.scores else None

    @property
    def spread(self) -> float | None:
        return round(max(self.scores) - min(self.scores), 2) if self.scores else None

    @property
    def divergent(self) -> bool:
        return self.count >= 2 and self.spread >= DIVERGENCE


def rank(rows: Iterable[Row]) -> list[Row]:
    """Highest mean first, unscored last; equal means share a rank (1, 2, 2, 4) and are tied."""
    ordered = sorted(rows, key=lambda r: (r.mean is None, -(r.mean or 0), r.order, r.key))
    means = [r.mean for r in ordered if r.mean is not None]
    for row in ordered:
        if row.mean is None:
            continue
        row.rank = 1 + sum(1 for m in means if m > row.mean)
        row.tied = means.count(row.mean) > 1
    return ordered


def propose(rows: list[Row], *, budget: int, min_grant: int, partial: bool) -> int:
    """Fund the ranked, scored rows in order while the budget lasts: in full where it fits, else
    (only if the round allows) the rest of the budget as a partial award of at least the smallest
    grant. Returns what is left. Never proposes more than the budget."""
    remaining = budget
    for row in rows:
        row.proposed, row.partial = 0, False
        if row.mean is None:
            continue
        if row.requested <= remaining:
            row.proposed = row.requested
        elif partial and remaining >= min_grant:
            row.proposed, row.partial = remaining, True
        remaining -= row.proposed
    return remaining
