"""Speed of output checking: disclosure control over a 10,000-cell table."""

import random
import time

from actlocally.outputs.disclosure import check_table

from . import benchmark


def _table(seed: int = 13) -> dict:
    """100 LSOAs x 100 counts, about a third of them small, so suppression has work to do."""
    rnd = random.Random(seed)  # noqa: S311 - made-up counts, not secrets
    return {
        "columns": ["LSOA", *[f"Count {i}" for i in range(100)]],
        "rows": [
            [
                f"Bradford {r:03d}",
                *[rnd.choice((rnd.randint(0, 12), rnd.randint(10, 400))) for _ in range(100)],
            ]
            for r in range(100)
        ],
    }


@benchmark("release-check-10k-cells", unit="s", target="under 1 s")
def release_check_10k_cells() -> float:
    table = _table()
    check_table(table)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        check_table(table)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]
