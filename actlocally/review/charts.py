"""Measurement's trend chart beside each indicator of an impact report, on its page and in its PDF."""

from django.utils.safestring import mark_safe

from actlocally.measurement import charts
from actlocally.measurement.chart_images import chart_svg
from actlocally.measurement.selectors import period_table


def trend_charts(*, partnership, rows, user) -> dict[int, list[dict]]:
    """{chosen indicator id: [its trend chart]}, drawn as SVG from the rows' own series
    (measurement's indicator summaries, already suppressed as the report's reader sees them, so
    `user` is not asked again): no queries, however many indicators the report has."""
    found = {}
    for row in rows:
        trend = charts.trend(
            {**row, "table": period_table(row["indicator"], row["series"])}, partnership
        )
        if trend.spec is None:
            continue
        found[row["chosen"].pk] = [
            # Vega's SVG renderer escapes every text it sets, the names people typed included.
            {"title": trend.title, "svg": mark_safe(chart_svg(trend)), "table": trend.rows}  # noqa: S308
        ]
    return found
