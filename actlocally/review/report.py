"""The impact report of a partnership's academic year: the context its page, the public page and
the typeset PDF (WeasyPrint) share, and the hook the charts helper plugs indicator charts into."""

import datetime
import logging
from collections.abc import Callable

from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify

from actlocally.actions.models import Action
from actlocally.measurement import selectors as measurement

from . import selectors
from .models import AgreedRating, CapabilityReview, ImpactReport, Lesson

logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

# Charts for the report's indicators: each provider takes (partnership, rows, user) where rows
# are measurement's indicator summaries, and returns {chosen indicator id: [chart, ...]}, each
# chart a dict with "title", "svg" (a SafeString of markup it made itself, with any text in it
# escaped; a plain string is shown escaped) and "table" rows.
# The charts app registers one from its AppConfig.ready(); with none registered the report
# shows the indicators' figures and sentences only.
ReportCharts = Callable[..., dict[int, list[dict]]]
_CHART_PROVIDERS: list[ReportCharts] = []


def register_report_charts(provider: ReportCharts) -> None:
    if provider not in _CHART_PROVIDERS:
        _CHART_PROVIDERS.append(provider)


def report_charts(partnership, rows, user) -> dict[int, list[dict]]:
    charts: dict[int, list[dict]] = {}
    for provider in _CHART_PROVIDERS:
        for key, found in provider(partnership=partnership, rows=rows, user=user).items():
            charts.setdefault(key, []).extend(found)
    return charts


def year_dates(academic_year: str) -> tuple[datetime.date, datetime.date]:
    """An academic year's first and last days: 1 September to 31 August."""
    start = int(academic_year[:4])
    return datetime.date(start, 9, 1), datetime.date(start + 1, 8, 31)


def early_impact_periods(academic_year: str) -> set[str]:
    """How early impact's free-text period may name the year (2023 to 2024, 2023-2024 …)."""
    a = academic_year[:4]
    b = str(int(a) + 1)
    return {academic_year, f"{a} to {b}", f"{a}-{b}", f"{a}/{b}", f"{a}-{b[2:]}", f"{a} to {b[2:]}"}


def report_context(report: ImpactReport, user=None) -> dict:
    """Everything the report shows. Only what may be public is in it: publishable case studies
    with consent, lessons shared with the board, indicators with small numbers suppressed for
    anyone but the research partner and co-ordinator (and always in a published report)."""
    partnership = report.partnership
    year = report.academic_year
    start, end = year_dates(year)
    reader = user if user is not None and report.published_on is None else AnonymousUser()
    focus = selectors.active_focus(partnership)
    actions = list(
        Action.objects.filter(partnership=partnership, due_on__range=(start, end))
        .select_related("owner_organisation")
        .order_by("due_on", "pk")
    )
    page = measurement.indicators_page(partnership, reader)
    rows = page["rows"]
    charts = report_charts(partnership, rows, reader)
    indicators = [{**row, "charts": charts.get(row["chosen"].pk, [])} for row in rows]
    review = (
        CapabilityReview.objects.filter(
            partnership=partnership,
            status=CapabilityReview.Status.AGREED,
            academic_year__lte=year,
        )
        .order_by("-academic_year")
        .first()
    )
    capability = []
    if review is not None:
        capability = [
            {"area": a.area, "cell": selectors.rag_cell(a.rating, a.reason)}
            for a in AgreedRating.objects.filter(review=review).select_related("area")
        ]
    case_studies = selectors.publishable_case_studies(partnership, year)
    lessons = list(
        Lesson.objects.filter(partnership=partnership, academic_year=year, shared_with_board=True)
    )
    periods = early_impact_periods(year)
    early_impact = [i for i in partnership.early_impact.all() if i.period.strip() in periods]
    illustrative = (
        report.illustrative
        or page["any_illustrative"]
        or bool(review and review.illustrative)
        or any(c.illustrative for c in case_studies)
        or any(x.illustrative for x in lessons)
    )
    return {
        "report": report,
        "partnership": partnership,
        "year": year,
        "focus": focus,
        "actions": actions,
        "indicators": indicators,
        "threshold": page["threshold"],
        "review": review,
        "capability": capability,
        "case_studies": case_studies,
        "lessons": lessons,
        "early_impact": early_impact,
        "illustrative": illustrative,
    }


def file_name(report: ImpactReport) -> str:
    return f"impact-report-{slugify(report.partnership.area_name)}-{report.year_slug}.pdf"


def render_pdf(report: ImpactReport, user=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(
        "review/report_pdf.html",
        {**report_context(report, user), "generated_at": timezone.localtime()},
    )
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
