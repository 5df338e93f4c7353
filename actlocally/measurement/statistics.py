"""Public-health statistics as OHID Fingertips computes them: confidence intervals, comparison
with a benchmark, change from a baseline and the recent trend. Pure functions on numbers, no
Django; the methods follow PHE's Technical Guide and the PHEindicatormethods R package.

Only the standard library is used: the normal quantile is `statistics.NormalDist`, the exact
Poisson limits are found by bisection on the Poisson distribution (which for whole counts is
the chi-square quantile PHEindicatormethods takes), and the chi-square(1) tail is `erfc`.
"""

import math
from dataclasses import dataclass
from enum import StrEnum
from statistics import NormalDist

# Fingertips' two levels: 95% for comparisons shown on most pages, 99.8% (about three standard
# errors, "control limits") for funnel plots and a stricter test.
CONFIDENCE_95 = 0.95
CONFIDENCE_998 = 0.998
# Below this many events Byar's approximation is poor and the exact Poisson limits are used.
EXACT_BELOW = 10


def z_for(confidence: float) -> float:
    """The two-sided standard normal quantile: 1.959964 for 95%, 3.090232 for 99.8%."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def wilson_interval(numerator: float, denominator: float, confidence: float = 0.95):
    """Wilson score interval for a proportion numerator/denominator, as (lower, upper)
    proportions between 0 and 1 (Wilson 1927; Newcombe 1998, method 3)."""
    if denominator <= 0:
        raise ValueError("the denominator must be positive")
    if not 0 <= numerator <= denominator:
        raise ValueError("the numerator must be between 0 and the denominator")
    z = z_for(confidence)
    p = numerator / denominator
    centre = 2 * numerator + z**2
    spread = z * math.sqrt(z**2 + 4 * numerator * (1 - p))
    bottom = 2 * (denominator + z**2)
    lower = (centre - spread) / bottom
    upper = (centre + spread) / bottom
    # The formula gives exactly 0 and 1 at the ends only up to rounding.
    return (0.0 if numerator == 0 else max(0.0, lower), 1.0 if p == 1 else min(1.0, upper))


def _poisson_cdf(k: int, mean: float) -> float:
    """P(X <= k) for X ~ Poisson(mean), summed directly (k is small here)."""
    term = math.exp(-mean)
    total = term
    for i in range(1, k + 1):
        term *= mean / i
        total += term
    return min(total, 1.0)


def _solve(f, low: float, high: float) -> float:
    """The root of a decreasing function f on [low, high], by bisection to machine precision."""
    for _ in range(200):
        mid = (low + high) / 2
        if f(mid) > 0:
            low = mid
        else:
            high = mid
        if high - low <= 1e-12 * max(1.0, high):
            break
    return (low + high) / 2


def exact_poisson_interval(count: int, confidence: float = 0.95):
    """Exact (Garwood) limits for a Poisson count: the lower is the mean for which `count` or
    more has probability alpha/2, the upper the mean for which `count` or fewer has it."""
    alpha = 1 - confidence
    if count == 0:
        lower = 0.0
    else:
        # P(X >= count) = 1 - P(X <= count - 1) rises with the mean: solve = alpha/2.
        lower = _solve(lambda m: alpha / 2 - (1 - _poisson_cdf(count - 1, m)), 0.0, count)
    upper = _solve(lambda m: _poisson_cdf(count, m) - alpha / 2, count, count + 50.0)
    return (lower, upper)


def byar_interval(count: float, confidence: float = 0.95):
    """Confidence limits for a count of events (Byar's method; the exact Poisson interval below
    10 events), as (lower, upper) counts. A crude rate's limits are these divided by its
    denominator (and multiplied by 1,000 or 10,000)."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    if count < EXACT_BELOW and float(count).is_integer():
        return exact_poisson_interval(int(count), confidence)
    z = z_for(confidence)
    lower = count * (1 - 1 / (9 * count) - z / (3 * math.sqrt(count))) ** 3 if count else 0.0
    n = count + 1
    upper = n * (1 - 1 / (9 * n) + z / (3 * math.sqrt(n))) ** 3
    return (max(0.0, lower), upper)


# Comparison with a benchmark -------------------------------------------------------------------


class Polarity(StrEnum):
    HIGHER_IS_BETTER = "higher_is_better"
    LOWER_IS_BETTER = "lower_is_better"
    NO_JUDGEMENT = "no_judgement"


class Comparison(StrEnum):
    """As Fingertips colours them: better or worse when polarity says which way is good,
    higher or lower when it does not."""

    BETTER = "better"
    SIMILAR = "similar"
    WORSE = "worse"
    HIGHER = "higher"
    LOWER = "lower"
    NOT_COMPARED = "not_compared"


def compare(
    value: float | None,
    lower: float | None,
    upper: float | None,
    benchmark: float | None,
    polarity: str,
) -> Comparison:
    """Better, similar or worse than the benchmark: different when the benchmark's value lies
    outside the area's confidence interval, and which way by the indicator's polarity. Not
    compared when the area has no value or interval or the benchmark has no value."""
    if value is None or lower is None or upper is None or benchmark is None:
        return Comparison.NOT_COMPARED
    if lower <= benchmark <= upper:
        return Comparison.SIMILAR
    higher = benchmark < lower
    if polarity == Polarity.HIGHER_IS_BETTER:
        return Comparison.BETTER if higher else Comparison.WORSE
    if polarity == Polarity.LOWER_IS_BETTER:
        return Comparison.WORSE if higher else Comparison.BETTER
    return Comparison.HIGHER if higher else Comparison.LOWER


# Change from a baseline --------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """The difference now minus then, its confidence interval, and whether it is more than chance
    would explain (the interval leaves out zero)."""

    difference: float
    lower: float
    upper: float
    significant: bool
    comparison: Comparison  # of now against then, by polarity


def change_between(
    *,
    then: tuple[float, float, float],
    now: tuple[float, float, float],
    polarity: str,
) -> Change:
    """Change from a baseline to now, each given as (value, lower, upper). The difference's
    interval is Newcombe's method 10 (the MOVER, "method of variance estimates recovery"), which
    builds it from the two intervals themselves: Wilson intervals for proportions give Newcombe's
    hybrid score interval; Byar intervals for counts and rates work the same way."""
    v1, l1, u1 = then
    v2, l2, u2 = now
    d = v2 - v1
    lower = d - math.sqrt((v2 - l2) ** 2 + (u1 - v1) ** 2)
    upper = d + math.sqrt((u2 - v2) ** 2 + (v1 - l1) ** 2)
    significant = lower > 0 or upper < 0
    comparison = Comparison.SIMILAR if not significant else compare(v2, v2, v2, v1, polarity)
    return Change(d, lower, upper, significant, comparison)


# Recent trend ------------------------------------------------------------------------------------


class Trend(StrEnum):
    INCREASING = "increasing"
    DECREASING = "decreasing"
    NO_SIGNIFICANT_CHANGE = "no_significant_change"
    CANNOT_BE_CALCULATED = "cannot_be_calculated"


# Fingertips' recent trend uses the five most recent periods.
TREND_PERIODS = 5


@dataclass(frozen=True)
class TrendResult:
    trend: Trend
    chi_square: float | None = None
    p_value: float | None = None


def chi_square_for_trend(numerators: list[float], denominators: list[float]) -> float:
    """The chi-square test for trend in proportions (Armitage 1955; R's prop.trend.test), with
    the periods scored 1, 2, 3…: the weighted regression of each period's proportion on its
    score. One degree of freedom."""
    return _trend_parts(numerators, denominators)[0]


def _trend_parts(numerators: list[float], denominators: list[float]) -> tuple[float, float]:
    """The statistic, and the sign of the fitted slope (positive: rising)."""
    n_total = sum(denominators)
    p = sum(numerators) / n_total
    scores = range(1, len(numerators) + 1)
    mean_score = sum(n * s for n, s in zip(denominators, scores, strict=True)) / n_total
    top = sum(
        (x - n * p) * (s - mean_score)
        for x, n, s in zip(numerators, denominators, scores, strict=True)
    )
    spread = sum(n * (s - mean_score) ** 2 for n, s in zip(denominators, scores, strict=True))
    if p in (0, 1) or spread == 0:
        return 0.0, 0.0
    return top**2 / (p * (1 - p) * spread), top


def chi_square_1_p_value(statistic: float) -> float:
    """P(chi-square with 1 degree of freedom > statistic)."""
    return math.erfc(math.sqrt(max(statistic, 0.0) / 2))


def recent_trend(
    numerators: list[float], denominators: list[float], *, confidence: float = CONFIDENCE_998
) -> TrendResult:
    """The trend over the last five periods (oldest first), as Fingertips' "recent trend": the
    chi-square test for trend on the numerators and denominators, significant at `confidence`
    (Fingertips uses 99.8%). Needs five periods with a denominator above zero each."""
    numerators = list(numerators)[-TREND_PERIODS:]
    denominators = list(denominators)[-TREND_PERIODS:]
    if len(numerators) < TREND_PERIODS or any(n is None or n <= 0 for n in denominators):
        return TrendResult(Trend.CANNOT_BE_CALCULATED)
    if any(x is None or x < 0 or x > n for x, n in zip(numerators, denominators, strict=True)):
        return TrendResult(Trend.CANNOT_BE_CALCULATED)
    statistic, slope = _trend_parts(numerators, denominators)
    p_value = chi_square_1_p_value(statistic)
    if p_value >= 1 - confidence:
        return TrendResult(Trend.NO_SIGNIFICANT_CHANGE, statistic, p_value)
    trend = Trend.INCREASING if slope > 0 else Trend.DECREASING
    return TrendResult(trend, statistic, p_value)


def trend_judgement(trend: Trend, polarity: str) -> Comparison:
    """Whether a significant trend is getting better or worse, by polarity."""
    if trend not in (Trend.INCREASING, Trend.DECREASING):
        return (
            Comparison.SIMILAR if trend == Trend.NO_SIGNIFICANT_CHANGE else Comparison.NOT_COMPARED
        )
    up = trend == Trend.INCREASING
    if polarity == Polarity.HIGHER_IS_BETTER:
        return Comparison.BETTER if up else Comparison.WORSE
    if polarity == Polarity.LOWER_IS_BETTER:
        return Comparison.WORSE if up else Comparison.BETTER
    return Comparison.HIGHER if up else Comparison.LOWER


# Funnel plot control limits ------------------------------------------------------------------------
# Spiegelhalter (2005), "Funnel plots for comparing institutional performance", Statistics in
# Medicine 24:1185-1202, section 3 and appendix A.1.1: the exact limit at a given denominator is
# the p-quantile r of the count's distribution under the benchmark, interpolated between whole
# counts so the lines are smooth: (r - a) / n with a = (F(r) - p) / (F(r) - F(r - 1)).
# PHE's funnel plot tools and PHEindicatormethods' phe_funnel take the same approach.

# Terms of a distribution this many standard deviations below its mean add less than 1e-15 to
# the cumulative probability: the sums start there, so large denominators stay cheap.
_TAIL_SDS = 9


def _log_binomial_pmf(k: int, n: int, p: float) -> float:
    return (
        math.lgamma(n + 1)
        - math.lgamma(k + 1)
        - math.lgamma(n - k + 1)
        + k * math.log(p)
        + (n - k) * math.log1p(-p)
    )


def _interpolated_quantile(pmf, start: int, stop: int, p: float) -> float:
    """The smallest whole count r with F(r) >= p, less Spiegelhalter's interpolation a."""
    below = 0.0
    for r in range(start, stop + 1):
        at = below + pmf(r)
        if at >= p:
            a = (at - p) / (at - below)
            # At r = 0 the interpolation would go below zero: no count is negative.
            return max(0.0, r - a)
        below = at
    return float(stop)


def binomial_quantile(n: int, p0: float, probability: float) -> float:
    """The interpolated `probability` quantile of a Binomial(n, p0) count."""
    if n <= 0 or not 0 < p0 < 1:
        raise ValueError(
            "the denominator must be positive and the proportion strictly between 0 and 1"
        )
    sd = math.sqrt(n * p0 * (1 - p0))
    start = max(0, math.floor(n * p0 - _TAIL_SDS * sd))
    return _interpolated_quantile(
        lambda k: math.exp(_log_binomial_pmf(k, n, p0)), start, n, probability
    )


def poisson_quantile(mean: float, probability: float) -> float:
    """The interpolated `probability` quantile of a Poisson(mean) count."""
    if mean <= 0:
        raise ValueError("the expected count must be positive")
    start = max(0, math.floor(mean - _TAIL_SDS * math.sqrt(mean)))
    stop = math.ceil(mean + 20 * math.sqrt(mean) + 20)
    return _interpolated_quantile(
        lambda k: math.exp(k * math.log(mean) - mean - math.lgamma(k + 1)), start, stop, probability
    )


def funnel_limits_proportion(benchmark: float, denominator: float, confidence: float = 0.95):
    """Control limits (lower, upper), as proportions, for an area of `denominator` people whose
    true proportion is the benchmark's: exact binomial, interpolated (Spiegelhalter 2005)."""
    n = round(denominator)
    tail = (1 - confidence) / 2
    return (
        max(0.0, binomial_quantile(n, benchmark, tail) / n),
        min(1.0, binomial_quantile(n, benchmark, 1 - tail) / n),
    )


def funnel_limits_rate(
    benchmark_rate: float, denominator: float, confidence: float = 0.95, multiplier: float = 1
):
    """Control limits (lower, upper) of a crude rate (per `multiplier`) for an area of
    `denominator` people whose true rate is the benchmark's: exact Poisson on the expected
    count, interpolated (Spiegelhalter 2005)."""
    expected = benchmark_rate / multiplier * denominator
    tail = (1 - confidence) / 2
    return (
        max(0.0, poisson_quantile(expected, tail) / denominator * multiplier),
        poisson_quantile(expected, 1 - tail) / denominator * multiplier,
    )


class FunnelPosition(StrEnum):
    """Where an area's figure falls against the benchmark's funnel."""

    ABOVE_998 = "above_998"
    ABOVE_95 = "above_95"
    WITHIN = "within"
    BELOW_95 = "below_95"
    BELOW_998 = "below_998"


def funnel_position(value: float, limits_95, limits_998) -> FunnelPosition:
    if value > limits_998[1]:
        return FunnelPosition.ABOVE_998
    if value > limits_95[1]:
        return FunnelPosition.ABOVE_95
    if value < limits_998[0]:
        return FunnelPosition.BELOW_998
    if value < limits_95[0]:
        return FunnelPosition.BELOW_95
    return FunnelPosition.WITHIN
