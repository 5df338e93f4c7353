"""Export speed of a full Statement of Intent (the demo's Keighley statement: facts, a chart,
quotes, actions, outcomes and recommendations): seconds per PDF and per Word document."""

import statistics
import time

from . import benchmark


def _keighley_version():
    from actlocally.statements.models import StatementVersion

    return StatementVersion.objects.select_related(
        "statement__partnership__local_authority", "statement__focus_issue"
    ).get(statement__partnership__slug="keighley", status="agreed")


def _median_seconds(fn, *, warm: int = 1, runs: int = 5) -> float:
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@benchmark("soi-pdf-export", unit="s", target="under 3 s (median of 5, after one warm-up)")
def soi_pdf_export() -> float:
    from actlocally.statements.exports import render_pdf

    version = _keighley_version()
    return _median_seconds(lambda: render_pdf(version))


@benchmark("soi-docx-export", unit="s", target="under 3 s (median of 5, after one warm-up)")
def soi_docx_export() -> float:
    from actlocally.statements.exports import render_docx

    version = _keighley_version()
    return _median_seconds(lambda: render_docx(version))
