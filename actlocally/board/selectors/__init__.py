"""The board dashboard's reads: every partnership of a local authority with its journey phase,
focus issue, indicators' latest judgements and trends, overdue actions and Statement of Intent,
in a fixed number of queries whatever the number of partnerships, indicators or data points.

By concern: `progress` (journey phases, Statements of Intent, overdue actions), `figures` (the
indicators' series and summaries for all the partnerships at once, cached) and `page` (the
dashboard put together). Everything is re-exported here: `board.selectors.X` is the address
callers use."""

from .figures import (
    SUMMARY_KEYS,
    TREND_WORDS,
    RowsHtml,
    cached_measured,
    measured,
    rows_html,
    series_for_partnerships,
    trend_summary,
)
from .page import SMALL_NUMBERS, Row, board_dashboard
from .progress import (
    PhaseSummary,
    StatementSummary,
    VersionState,
    overdue_counts,
    phases_of,
    statement_summary,
    statements_of,
)

__all__ = [
    "SMALL_NUMBERS",
    "SUMMARY_KEYS",
    "TREND_WORDS",
    "PhaseSummary",
    "Row",
    "RowsHtml",
    "StatementSummary",
    "VersionState",
    "board_dashboard",
    "cached_measured",
    "measured",
    "overdue_counts",
    "phases_of",
    "rows_html",
    "series_for_partnerships",
    "statement_summary",
    "statements_of",
    "trend_summary",
]
