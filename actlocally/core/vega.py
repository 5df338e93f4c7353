"""Vega-Lite specs drawn as images off the page by vl-convert, with nothing fetched: the data is
inline in every spec and `allowed_base_urls=[]` refuses any URL a spec might name. Shared by
measurement's exports and by the figures a Statement of Intent froze when it was agreed."""

VEGA_LITE = "6.4"  # as vendored for the pages (static/vendor/vega)
NO_URLS: list[str] = []


def spec_svg(spec: dict) -> str:
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, vl_version=VEGA_LITE, allowed_base_urls=NO_URLS)


def spec_png(spec: dict, *, scale: float = 2) -> bytes:
    import vl_convert

    return vl_convert.vegalite_to_png(
        spec, vl_version=VEGA_LITE, scale=scale, allowed_base_urls=NO_URLS
    )
