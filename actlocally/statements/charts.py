"""Simple bar charts of a few numbers, drawn on the server as accessible SVG: the same drawing
serves the page, print and the PDF, and a data table always goes beside it."""

import textwrap

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .document import format_value

WIDTH = 560
LABEL_WIDTH = 270
BAR_HEIGHT = 24
GAP = 12
TOP = 8
VALUE_ROOM = 64
FONT_SIZE = 14
# Labels wrap onto up to three lines of about this many characters (14px Liberation Sans fits
# 32 in the label column), so none is cut to "Adults worried about having eno…".
LABEL_CHARS = 32
LABEL_LINES = 3
LINE_HEIGHT = 17
# GOV.UK blue on white passes WCAG contrast for the bars; text is near-black.
BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"
FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"


def bar_chart_svg(chart: dict, *, chart_id: str) -> SafeString:
    points = chart["points"]
    unit = chart.get("unit") or ""
    top = max((p["value"] for p in points), default=0) or 1
    labels = [_label_lines(p["label"]) for p in points]
    rows = [max(BAR_HEIGHT, len(lines) * LINE_HEIGHT + 4) for lines in labels]
    height = TOP * 2 + sum(rows) + GAP * (len(points) - 1)
    room = WIDTH - LABEL_WIDTH - VALUE_ROOM
    summary = "; ".join(f"{p['label']}: {format_value(p['value'], unit)}" for p in points)
    parts = [
        format_html(
            '<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" viewBox="0 0 {w} {h}" '
            'width="100%" role="img" aria-labelledby="{id}-title {id}-desc" '
            'preserveAspectRatio="xMinYMin meet">'
            '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>',
            w=WIDTH,
            h=height,
            id=chart_id,
            title=chart["title"],
            desc=_("Bar chart. %(summary)s. The same numbers are in the table.")
            % {"summary": summary},
        )
    ]
    y = TOP
    for point, lines, row in zip(points, labels, rows, strict=True):
        bar = round(room * point["value"] / top, 1)
        bar_y = y + (row - BAR_HEIGHT) / 2
        # The label's lines sit centred on the bar; the first baseline is above the middle.
        first = y + row / 2 - (len(lines) - 1) * LINE_HEIGHT / 2 + 5
        label = format_html_join(
            "",
            '<tspan x="{}" y="{}">{}</tspan>',
            ((LABEL_WIDTH - 10, first + n * LINE_HEIGHT, line) for n, line in enumerate(lines)),
        )
        parts.append(
            format_html(
                '<g aria-hidden="true">'
                '<text text-anchor="end" font-size="{fs}" fill="{tc}" '
                'font-family="{font}">{label}</text>'
                '<rect x="{bx}" y="{y}" width="{bw}" height="{bh}" fill="{bc}"></rect>'
                '<text x="{vx}" y="{ty}" font-size="{fs}" font-weight="bold" fill="{tc}" '
                'font-family="{font}">{value}</text></g>',
                fs=FONT_SIZE,
                tc=TEXT_COLOUR,
                font=FONT,
                label=label,
                bx=LABEL_WIDTH,
                y=bar_y,
                bw=max(bar, 1),
                bh=BAR_HEIGHT,
                bc=BAR_COLOUR,
                vx=LABEL_WIDTH + max(bar, 1) + 8,
                ty=bar_y + BAR_HEIGHT / 2 + 5,
                value=format_value(point["value"], unit),
            )
        )
        y += row + GAP
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  (every piece escaped above)


def _label_lines(label: str) -> list[str]:
    # Only a label longer than three lines is shortened; the table beside the chart has it whole.
    lines = textwrap.wrap(label, LABEL_CHARS) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: LABEL_CHARS - 1].rstrip() + "…"
    return lines
