"""Counting speed: the symposium ranking of 500 ballots over 30 candidate priorities."""

import random
import statistics
import time

from actlocally.symposia.counting import borda, instant_runoff

from . import benchmark


def ballots(candidates: list[int], count: int, seed: int = 4) -> list[list[int]]:
    """Partial ballots of 1 to 30 choices each, reproducible from `seed`."""
    rng = random.Random(seed)  # noqa: S311 (not for security: a fixed, repeatable sample)
    return [rng.sample(candidates, rng.randint(1, len(candidates))) for _n in range(count)]


@benchmark("rank-500-ballots", unit="s", target="under 0.5 s")
def rank_500_ballots() -> float:
    """Both counts the results page shows (Borda point table and instant-runoff rounds)."""
    candidates = list(range(1, 31))
    sample = ballots(candidates, 500)
    times = []
    for _n in range(10):
        start = time.perf_counter()
        borda(candidates, sample)
        instant_runoff(candidates, sample)
        times.append(time.perf_counter() - start)
    return statistics.median(times)
