"""A version as a typeset, tagged PDF (WeasyPrint)."""

import logging

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from ..models import StatementVersion
from .context import document_context

# WeasyPrint logs every layout step at INFO: noise in the server's log, not news.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


def render_pdf(version: StatementVersion) -> bytes:
    from weasyprint import HTML

    ctx = document_context(version)
    ctx["indicators"] = [{**item, "svg": _indicator_svg(item)} for item in ctx["indicators"]]
    html = render_to_string(
        "statements/export/pdf.html", {**ctx, "generated_at": timezone.localtime()}
    )
    # PDF/UA-1: tagged (headings, tables, lists, reading order) and with its language and title,
    # so screen readers can read it; WeasyPrint 70 supports it.
    return HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")


def _indicator_svg(item: dict):
    shown = item["shown"]
    if shown is None or shown.chart_svg is None:
        return ""
    # Drawn by vl-convert from the app's own spec, whose text Vega escapes as it writes the SVG.
    return mark_safe(shown.chart_svg())  # noqa: S308
