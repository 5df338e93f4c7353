"""Simple bar charts of a few numbers, drawn on the server as accessible SVG: the same drawing
serves the page, print and the PDF, and a data table always goes beside it."""

from django.utils.html import format_html
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
# GOV.UK blue on white passes WCAG contrast for the bars; text is near-black.
BAR_COLOUR = "#1d70b8"
TEXT_COLOUR = "#0b0c0c"
FONT = "Liberation Sans, DejaVu Sans, Arial, sans-serif"


def bar_chart_svg(chart: dict, *, chart_id: str) -> SafeString:
    points = chart["points"]
    unit = chart.get("unit") or ""
    top = max((p["value"] for p in points), default=0) or 1
    height = TOP * 2 + len(points) * (BAR_HEIGHT + GAP) - GAP
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
    for i, point in enumerate(points):
        y = TOP + i * (BAR_HEIGHT + GAP)
        bar = round(room * point["value"] / top, 1)
        parts.append(
            format_html(
                '<g aria-hidden="true">'
                '<text x="{lx}" y="{ty}" text-anchor="end" font-size="{fs}" fill="{tc}" '
                'font-family="{font}">{label}</text>'
                '<rect x="{bx}" y="{y}" width="{bw}" height="{bh}" fill="{bc}"></rect>'
                '<text x="{vx}" y="{ty}" font-size="{fs}" font-weight="bold" fill="{tc}" '
                'font-family="{font}">{value}</text></g>',
                fs=FONT_SIZE,
                lx=LABEL_WIDTH - 10,
                ty=y + BAR_HEIGHT / 2 + 5,
                tc=TEXT_COLOUR,
                font=FONT,
                label=_shorten(point["label"]),
                bx=LABEL_WIDTH,
                y=y,
                bw=max(bar, 1),
                bh=BAR_HEIGHT,
                bc=BAR_COLOUR,
                vx=LABEL_WIDTH + max(bar, 1) + 8,
                value=format_value(point["value"], unit),
            )
        )
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(p) for p in parts))  # noqa: S308  (every piece escaped above)


def _shorten(label: str, limit: int = 32) -> str:
    # Long labels are cut in the drawing only; the table beside it has them in full.
    return label if len(label) <= limit else label[: limit - 1] + "…"
