"""The benchmark registry behind `make bench`: each figure has a stable kebab-case name and a target."""

import importlib
import pkgutil
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone


@dataclass
class Result:
    name: str
    value: float
    unit: str
    target: str


_REGISTRY: list[tuple[str, str, str, Callable[[], float]]] = []


def benchmark(name: str, *, unit: str, target: str):
    def register(fn: Callable[[], float]):
        _REGISTRY.append((name, unit, target, fn))
        return fn

    return register


def median_ms(fn: Callable[[], object], *, warm: int = 5, runs: int = 30) -> float:
    """Median wall time of `fn` in milliseconds, after `warm` untimed runs."""
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run_all(only: set[str] | None = None) -> list[Result]:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
    return [
        Result(name, fn(), unit, target)
        for name, unit, target, fn in _REGISTRY
        if only is None or name in only
    ]


def _previous_rows(path: Path) -> dict[str, str]:
    """Rows already in the report, so running a few benchmarks keeps the others' figures."""
    if not path.exists():
        return {}
    rows = {}
    for line in path.read_text().splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 4 and cells[0] not in {"name", "---"}:
            rows[cells[0]] = line
    return rows


def write_report(results: list[Result], path: Path) -> None:
    rows = _previous_rows(path)
    rows.update({r.name: f"| {r.name} | {r.value:.3f} | {r.unit} | {r.target} |" for r in results})
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {timezone.localdate():%-d %B %Y}, on the development machine "
        "(2 cores), with the Bradford demo data. Pages are timed through Django's test client: "
        "the median of 30 warm requests.",
        "",
        "| name | value | unit | target |",
        "|---|---|---|---|",
        *rows.values(),
        "",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines))
