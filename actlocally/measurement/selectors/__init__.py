"""Reads of shared measurement, each in a fixed number of queries, by concern: `figures`
(estimates, intervals, suppression and each indicator's series), `judgements` (comparisons,
change, trend and their sentences) and `pages` (what the measurement pages, the theory of change
and the library read). Everything is re-exported here: `measurement.selectors.X` is the address
other apps use."""

from .figures import (
    Estimate,
    Series,
    estimate,
    interval,
    series_for,
    small_number_threshold,
    suppress,
)
from .judgements import (
    COMPARISON_WORDS,
    TAG_CLASS,
    TREND_SENTENCES,
    TREND_WORDS,
    Judgement,
    change_from_baseline,
    comparison_sentence,
    comparison_words,
    format_interval,
    format_value,
    judge,
    summarise,
    trend_of,
)
from .pages import (
    chosen_indicators,
    indicator_page,
    indicators_page,
    library,
    outcome_links,
    period_table,
    sees_small_numbers,
)

__all__ = [
    "COMPARISON_WORDS",
    "TAG_CLASS",
    "TREND_SENTENCES",
    "TREND_WORDS",
    "Estimate",
    "Judgement",
    "Series",
    "change_from_baseline",
    "chosen_indicators",
    "comparison_sentence",
    "comparison_words",
    "estimate",
    "format_interval",
    "format_value",
    "indicator_page",
    "indicators_page",
    "interval",
    "judge",
    "library",
    "outcome_links",
    "period_table",
    "sees_small_numbers",
    "series_for",
    "small_number_threshold",
    "summarise",
    "suppress",
    "trend_of",
]
