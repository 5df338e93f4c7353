"""Vega-Lite specs of measurement's five charts, as pure functions from the selectors' data (already
suppressed for the person looking) to a dict: the trend ("turn the curve"), the area against its
comparators, the spine chart of the partnership's indicators and the funnel plots of its LSOAs
and of its authority's wards.

Each function returns a `Chart`: the spec, and the same numbers as table rows for the page and
its CSV, so a chart never stands alone. Colour is never the only signal: lines differ by dash,
judgements are written beside each point. Nothing in a spec points at a URL: the data is inline,
so the browser and vl-convert (for PDF and Word) draw the same thing without fetching anything.
"""

from .base import Chart, for_image, spec_or_empty
from .funnel import funnel, position_words
from .series import comparators, trend
from .spine import spine, spine_rows
from .ward_funnel import ward_funnel

__all__ = [
    "Chart",
    "comparators",
    "for_image",
    "funnel",
    "position_words",
    "spec_or_empty",
    "spine",
    "spine_rows",
    "trend",
    "ward_funnel",
]
