"""Speed and accuracy of connected data: the whole pipeline (ingest, pseudonymise, link,
cluster) for 90,000 children's school census and health records and the police records of about
30% of them (~207,000 records), and its pairwise F1 and name-group gap against the truth."""

import tempfile
import time
from functools import cache
from pathlib import Path

from django.test import override_settings

from . import benchmark

CHILDREN = 90_000
PROJECT = 999_001


@cache
def _run() -> dict:
    from actlocally.linkage import ingest
    from actlocally.linkage.pipeline.run import link_project
    from actlocally.linkage.synth.generate import generate, write

    root = Path(tempfile.mkdtemp(prefix="actlocally-linkage-bench-"))
    write(generate(CHILDREN, seed=1), root / "extracts")
    with override_settings(LINKAGE_DATA_DIR=root / "data", LINKAGE_KEY_DIR=root / "keys"):
        # The truth key is loaded untimed: it is for evaluation, not part of the pipeline.
        ingest.ingest(
            PROJECT, "ground_truth", root / "extracts/truth/ground_truth.csv", file_label="truth"
        )
        began = time.perf_counter()
        for name in ("school_census", "health", "police"):
            loaded = ingest.ingest(
                PROJECT, name, root / "extracts" / f"{name}.csv", file_label=name
            )
            assert not loaded.errors, loaded.errors[:3]
        outcome = link_project(PROJECT)
        seconds = time.perf_counter() - began
    return {
        "seconds": seconds,
        "records": outcome.records,
        "f1": outcome.quality.f1,
        "gap": outcome.quality.match_rate_gap,
    }


@benchmark("link-207k-records", unit="s", target="< 35 s (whole pipeline, ~207,000 records)")
def link_207k() -> float:
    return _run()["seconds"]


@benchmark("link-f1", unit="F1", target=">= 0.99 (pairwise, against the synthetic truth)")
def link_f1() -> float:
    return _run()["f1"]


@benchmark(
    "link-match-rate-gap", unit="points", target="<= 1 point (South Asian-origin names vs others)"
)
def link_gap() -> float:
    return _run()["gap"]
