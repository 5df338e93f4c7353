"""Counting ranked ballots: the modified Borda count (the official method) and instant-runoff.

Pure functions with no Django in them, so the method can be read, tested on textbook examples and
explained on the results page. A ballot is a sequence of candidates, most preferred first; a
partial ballot ranks only some of them. Ties are reported in the results, never broken silently.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Generic, TypeVar

C = TypeVar("C", bound=Hashable)


class BordaConvention(StrEnum):
    """How many points a place on a ballot is worth.

    MODIFIED (the modified Borda count, Emerson): a ballot that ranks m candidates gives m points
    to its first choice, m-1 to its second, down to 1 for its last; unranked candidates get 0.
    Ranking more candidates gives your first choice more weight, so no one gains by ranking one.

    CLASSIC (the textbook Borda count): with n candidates, first place is worth n-1 points,
    second n-2, down to 0 for last; unranked candidates also get 0.
    """

    MODIFIED = "modified"
    CLASSIC = "classic"


def validate_ballots(candidates: Sequence[C], ballots: Sequence[Sequence[C]]) -> None:
    """Raise ValueError naming the first ballot that ranks an unknown candidate or one twice."""
    known = set(candidates)
    if len(known) != len(candidates):
        raise ValueError("A candidate is listed twice.")
    for number, ballot in enumerate(ballots, start=1):
        if len(set(ballot)) != len(ballot):
            raise ValueError(f"Ballot {number} ranks a candidate more than once.")
        unknown = [c for c in ballot if c not in known]
        if unknown:
            raise ValueError(f"Ballot {number} ranks {unknown[0]!r}, which is not a candidate.")


def points_for_place(
    place: int, *, ranked: int, candidates: int, convention: BordaConvention
) -> int:
    """Points for the candidate at `place` (1 = first) on a ballot that ranks `ranked` candidates."""
    if convention is BordaConvention.MODIFIED:
        return ranked - place + 1
    return candidates - place


@dataclass(frozen=True)
class BordaRow(Generic[C]):
    candidate: C
    # places[k] = how many ballots put the candidate in place k+1
    places: tuple[int, ...]
    points: int
    position: int  # 1 = most points; tied candidates share a position
    tied: bool


@dataclass(frozen=True)
class BordaResult(Generic[C]):
    convention: BordaConvention
    ballots: int
    rows: list[BordaRow[C]]  # best first; tied candidates in the order they were given

    @property
    def ties(self) -> list[list[C]]:
        """Each group of candidates that share a position, best first."""
        groups: dict[int, list[C]] = {}
        for row in self.rows:
            groups.setdefault(row.position, []).append(row.candidate)
        return [group for group in groups.values() if len(group) > 1]


def borda(
    candidates: Sequence[C],
    ballots: Sequence[Sequence[C]],
    *,
    convention: BordaConvention = BordaConvention.MODIFIED,
) -> BordaResult[C]:
    """Score every candidate by the Borda count and list them best first, ties shown."""
    validate_ballots(candidates, ballots)
    n = len(candidates)
    index = {c: i for i, c in enumerate(candidates)}
    points = [0] * n
    places = [[0] * n for _ in range(n)]
    for ballot in ballots:
        ranked = len(ballot)
        for place, candidate in enumerate(ballot, start=1):
            i = index[candidate]
            places[i][place - 1] += 1
            points[i] += points_for_place(place, ranked=ranked, candidates=n, convention=convention)
    order = sorted(range(n), key=lambda i: -points[i])  # stable: ties keep the given order
    rows: list[BordaRow[C]] = []
    for rank_index, i in enumerate(order):
        position = (
            rows[-1].position
            if rows and points[order[rank_index - 1]] == points[i]
            else rank_index + 1
        )
        tied = points.count(points[i]) > 1
        rows.append(BordaRow(candidates[i], tuple(places[i]), points[i], position, tied))
    return BordaResult(convention=convention, ballots=len(ballots), rows=rows)


@dataclass(frozen=True)
class Round(Generic[C]):
    number: int
    votes: dict[C, int]  # continuing candidates' first preferences this round
    exhausted: int  # ballots with no continuing candidate left
    eliminated: list[C] = field(default_factory=list)
    elected: C | None = None
    # How a tie for fewest votes was settled: by an earlier round's count (its number), or not
    # at all (every tied candidate went together, or, if no one would be left, the count ended).
    tie_settled_by_round: int | None = None
    tie_unsettled: bool = False


@dataclass(frozen=True)
class RunoffResult(Generic[C]):
    rounds: list[Round[C]]
    winner: C | None  # None when the last candidates tie
    tied: list[C]  # the candidates left tied at the end, if any


def instant_runoff(candidates: Sequence[C], ballots: Sequence[Sequence[C]]) -> RunoffResult[C]:
    """Instant-runoff voting (the alternative vote) for one winner, round by round.

    Each round counts every ballot for its highest-ranked continuing candidate. A candidate with
    more than half of the ballots still counting wins. Otherwise the candidate with fewest votes
    is eliminated. A tie for fewest is settled by the earlier rounds (the one with fewer votes in
    the latest round where they differ goes); if they were level in every round, all of them go
    together, unless that would leave no one, in which case the count ends in a tie.
    """
    validate_ballots(candidates, ballots)
    continuing = list(candidates)
    rounds: list[Round[C]] = []
    history: list[dict[C, int]] = []
    while continuing:
        alive = set(continuing)
        votes = dict.fromkeys(continuing, 0)
        exhausted = 0
        for ballot in ballots:
            top = next((c for c in ballot if c in alive), None)
            if top is None:
                exhausted += 1
            else:
                votes[top] += 1
        history.append(votes)
        counting = len(ballots) - exhausted
        number = len(rounds) + 1
        leader = max(continuing, key=lambda c: votes[c])
        if len(continuing) == 1 or (counting and votes[leader] * 2 > counting):
            rounds.append(Round(number, votes, exhausted, elected=leader))
            return RunoffResult(rounds, leader, [])
        fewest = min(votes.values())
        lowest = [c for c in continuing if votes[c] == fewest]
        settled_by = None
        if len(lowest) > 1:
            lowest, settled_by = _settle_last_place(lowest, history[:-1])
        unsettled = len(lowest) > 1
        if len(lowest) == len(continuing):
            rounds.append(Round(number, votes, exhausted, tie_unsettled=True))
            return RunoffResult(rounds, None, list(continuing))
        rounds.append(
            Round(
                number,
                votes,
                exhausted,
                eliminated=lowest,
                tie_settled_by_round=settled_by,
                tie_unsettled=unsettled,
            )
        )
        continuing = [c for c in continuing if c not in lowest]
    return RunoffResult(rounds, None, [])


def _settle_last_place(tied: list[C], earlier: list[dict[C, int]]) -> tuple[list[C], int | None]:
    """Narrow a tie for fewest votes by the latest earlier round in which the tied differ."""
    settled_by = None
    for round_number in range(len(earlier), 0, -1):
        votes = earlier[round_number - 1]
        fewest = min(votes[c] for c in tied)
        lowest = [c for c in tied if votes[c] == fewest]
        if len(lowest) < len(tied):
            tied, settled_by = lowest, round_number
        if len(tied) == 1:
            break
    return tied, settled_by
