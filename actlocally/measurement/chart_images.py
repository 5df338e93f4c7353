"""Measurement's charts as images for PDF and Word files, drawn by vl-convert (Vega and
Vega-Lite in an embedded JavaScript engine, the same versions the pages use) with nothing
fetched (core/vega.py), and text set in the machine's fonts (vl-convert 1.9 reads local font
files only and bundles Liberation Sans as the fallback)."""

from actlocally.core.vega import spec_png, spec_svg

from .charts import Chart, for_image

__all__ = ["chart_png", "chart_svg", "spec_svg"]


def chart_svg(chart: Chart, *, width: int = 640) -> str:
    return spec_svg(for_image(chart, width=width))


def chart_png(chart: Chart, *, width: int = 640, scale: float = 2) -> bytes:
    return spec_png(for_image(chart, width=width), scale=scale)
