"""Measurement's charts as images for PDF and Word files, drawn by vl-convert (Vega and
Vega-Lite in an embedded JavaScript engine, the same versions the pages use) with nothing
fetched: the data is inline in every spec, `allowed_base_urls=[]` refuses any URL a spec might
name, and text is set in the machine's fonts (vl-convert 1.9 reads local font files only and
bundles Liberation Sans as the fallback)."""

from .charts import Chart, for_image

VEGA_LITE = "6.4"  # as vendored for the pages (static/vendor/vega)
NO_URLS: list[str] = []


def chart_svg(chart: Chart, *, width: int = 640) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(
        for_image(chart, width=width), vl_version=VEGA_LITE, allowed_base_urls=NO_URLS
    )


def chart_png(chart: Chart, *, width: int = 640, scale: float = 2) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(
        for_image(chart, width=width), vl_version=VEGA_LITE, scale=scale, allowed_base_urls=NO_URLS
    )


def spec_svg(spec: dict) -> str:
    """Any spec drawn as the exports draw (used by the test that nothing is fetched)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE, allowed_base_urls=NO_URLS)
