"""Measurement's trend chart beside each indicator of an impact report, on its page and in its PDF."""

from django.utils.safestring import mark_safe

from actlocally.measurement.chart_images import chart_svg
from actlocally.measurement.chart_selectors import indicator_charts


def trend_charts(*, partnership, rows, user) -> dict[int, list[dict]]:
    """{chosen indicator id: [its trend chart]}, drawn as SVG, small numbers suppressed as the
    report's reader sees them."""
    charts = {}
    for row in rows:
        found = indicator_charts(partnership, row["chosen"].pk, user, kinds=("trend",))
        if found is None or found[1]["trend"].spec is None:
            continue
        trend = found[1]["trend"]
        charts[row["chosen"].pk] = [
            # Vega's SVG renderer escapes every text it sets, the names people typed included.
            {"title": trend.title, "svg": mark_safe(chart_svg(trend)), "table": trend.rows}  # noqa: S308
        ]
    return charts
