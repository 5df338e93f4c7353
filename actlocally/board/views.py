"""The board dashboard page and its CSV: what a board member reads first."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission
from actlocally.core.csv import csv_response, writer
from actlocally.partnerships.models import LocalAuthority

from . import rows, selectors

VIEW = "partnerships.view_local_authority"
SUPPRESSED = "suppressed"


def _authority_or_404(request, code) -> LocalAuthority:
    la = get_object_or_404(LocalAuthority, code=code)
    if not has_permission(request.user, VIEW, la):
        raise Http404
    return la


@login_required
def dashboard(request, code):
    la = _authority_or_404(request, code)
    words = rows.labels(la.name)
    page = selectors.board_dashboard(la, request.user, words=words)
    rows.cards(page["rows"])
    return render(request, "board/dashboard.html", {"local_authority": la, "labels": words, **page})


@login_required
def dashboard_csv(request, code):
    la = _authority_or_404(request, code)
    page = selectors.board_dashboard(la, request.user)
    response = csv_response(f"board-dashboard-{la.code}-{timezone.localdate():%Y-%m-%d}.csv")
    out = writer(response)
    out.writerow(
        [
            _("Partnership"),
            _("Journey phase"),
            _("Focus issue"),
            _("Statement of Intent"),
            _("Overdue actions"),
            _("Indicator"),
            _("Illustrative (not real data)"),
            _("Latest period"),
            _("Value"),
            _("95% confidence interval"),
            _("Compared with %(name)s") % {"name": la.name},
            _("Compared with England"),
            _("Trend"),
            _("Since the baseline"),
        ]
    )
    for row in page["rows"]:
        phase = _("Phase %(number)s: %(title)s") % {
            "number": row.phase.number,
            "title": row.phase.title,
        }
        first = [
            row.partnership.name,
            phase,
            row.focus.title if row.focus else "",
            row.statement.words,
            row.overdue,
        ]
        if not row.indicators:
            out.writerow([*first, *[""] * 9])
        for i in row.indicators:
            latest = i["latest"]
            hidden = latest is not None and latest.suppressed
            out.writerow(
                [
                    *first,
                    i["indicator"].name,
                    _("yes: illustrative values") if i["indicator"].illustrative else _("no"),
                    latest.period if latest else "",
                    SUPPRESSED if hidden else i["latest_value"],
                    SUPPRESSED if hidden else i["latest_interval"],
                    i["vs_local_authority"].sentence,
                    i["vs_england"].sentence,
                    f"{i['trend_summary']['words']}: {i['trend_summary']['sentence']}",
                    i["change"]["sentence"] if i["change"] else "",
                ]
            )
    return response
