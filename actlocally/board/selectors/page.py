"""The board dashboard itself: every partnership of a local authority the person may see, side
by side, put together from the progress and figures modules."""

from dataclasses import dataclass, field

from django.db.models import Prefetch

from actlocally.authorization import has_permission
from actlocally.authorization.checks import visible_partnership_filter
from actlocally.measurement.selectors import small_number_threshold
from actlocally.partnerships.models import FocusIssue, LocalAuthority, Partnership

from .figures import RowsHtml, cached_measured
from .progress import (
    PhaseSummary,
    StatementSummary,
    overdue_counts,
    phases_of,
    statement_summary,
    statements_of,
)

SMALL_NUMBERS = "measurement.view_small_numbers"


@dataclass
class Row:
    """One partnership on the dashboard."""

    partnership: Partnership
    focus: FocusIssue | None
    phase: PhaseSummary
    statement: StatementSummary
    overdue: int
    # The indicators' summaries; or, for the page, only their rows as HTML (`indicator_rows`).
    indicators: list[dict] = field(default_factory=list)
    sees_small_numbers: bool = False
    indicator_rows: str = ""
    has_indicators: bool = False
    any_illustrative: bool = False
    card: object = None  # rows.Card: the page's words and links, set by the view


def board_dashboard(local_authority: LocalAuthority, user, *, words: dict | None = None) -> dict:
    """Every partnership of the authority the person may see, side by side: each with its
    indicators' summaries, or with `words` (rows.labels, for the page) only their HTML rows."""
    partnerships = list(
        local_authority.partnerships.filter(visible_partnership_filter(user))
        .select_related("local_authority")
        .prefetch_related(
            Prefetch(
                "focus_issues",
                queryset=FocusIssue.objects.filter(status=FocusIssue.Status.ACTIVE),
                to_attr="active_focus",
            )
        )
        .order_by("name")
    )
    ids = [p.pk for p in partnerships]
    threshold = small_number_threshold()
    sees = {p.pk: has_permission(user, SMALL_NUMBERS, p) for p in partnerships}
    indicators = cached_measured(local_authority, partnerships, sees, threshold, words)
    phases = phases_of(ids)
    statements = statements_of(ids)
    overdue = overdue_counts(ids)
    rows = []
    for p in partnerships:
        row = Row(
            partnership=p,
            focus=p.active_focus[0] if p.active_focus else None,
            phase=phases[p.pk],
            statement=statement_summary(statements.get(p.pk)),
            overdue=overdue.get(p.pk, 0),
            sees_small_numbers=sees[p.pk],
        )
        found = indicators.get(p.pk)
        if isinstance(found, RowsHtml):
            row.indicator_rows = found.html
            row.has_indicators = found.has_indicators
            row.any_illustrative = found.any_illustrative
        elif found:
            row.indicators = found
            row.has_indicators = True
            row.any_illustrative = any(i["indicator"].illustrative for i in found)
        rows.append(row)
    return {
        "rows": rows,
        "threshold": threshold,
        "sees_small_numbers": bool(rows) and all(r.sees_small_numbers for r in rows),
        "any_illustrative": any(r.any_illustrative for r in rows),
    }
