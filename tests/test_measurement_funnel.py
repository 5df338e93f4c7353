"""Funnel plot control limits against exact calculations: the binomial and Poisson quantiles,
interpolated as Spiegelhalter (2005) does, worked out here by plain summation."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hyp

from actlocally.measurement import statistics as st


def exact_interpolated(cdf, p: float) -> float:
    r = 0
    while cdf(r) < p:
        r += 1
    below = cdf(r - 1) if r else 0.0
    return r - (cdf(r) - p) / (cdf(r) - below)


def binomial_cdf(n, p0):
    return lambda r: sum(math.comb(n, k) * p0**k * (1 - p0) ** (n - k) for k in range(r + 1))


def poisson_cdf(mean):
    return lambda r: sum(math.exp(-mean) * mean**k / math.factorial(k) for k in range(r + 1))


@pytest.mark.parametrize("n,p0", [(20, 0.1), (100, 0.2), (250, 0.55)])
@pytest.mark.parametrize("confidence", [st.CONFIDENCE_95, st.CONFIDENCE_998])
def test_proportion_limits_are_the_interpolated_binomial_quantiles(n, p0, confidence):
    tail = (1 - confidence) / 2
    expected = (
        max(0.0, exact_interpolated(binomial_cdf(n, p0), tail) / n),
        exact_interpolated(binomial_cdf(n, p0), 1 - tail) / n,
    )
    assert st.funnel_limits_proportion(p0, n, confidence) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("mean", [2.5, 10, 37])
@pytest.mark.parametrize("confidence", [st.CONFIDENCE_95, st.CONFIDENCE_998])
def test_rate_limits_are_the_interpolated_poisson_quantiles(mean, confidence):
    denominator = 2000
    rate = mean / denominator * 1000
    tail = (1 - confidence) / 2
    expected = tuple(
        max(0.0, exact_interpolated(poisson_cdf(mean), q) / denominator * 1000)
        for q in (tail, 1 - tail)
    )
    assert st.funnel_limits_rate(rate, denominator, confidence, 1000) == pytest.approx(
        expected, abs=1e-9
    )


def test_poisson_upper_limit_for_ten_expected_events_is_worked_by_hand():
    # Poisson(10): F(16) = 0.972958, F(17) = 0.985722, so the 97.5% point is 17 less
    # (0.985722 - 0.975) / (0.985722 - 0.972958) = 0.840, that is 16.160.
    assert st.poisson_quantile(10, 0.975) == pytest.approx(16.160, abs=0.001)


def test_proportion_limits_approach_the_normal_approximation_for_large_denominators():
    n, p0 = 20000, 0.3
    spread = st.z_for(0.998) * math.sqrt(p0 * (1 - p0) / n)
    low, high = st.funnel_limits_proportion(p0, n, st.CONFIDENCE_998)
    assert low == pytest.approx(p0 - spread, abs=2e-4) and high == pytest.approx(
        p0 + spread, abs=2e-4
    )


def test_limits_narrow_as_the_denominator_grows():
    small = st.funnel_limits_proportion(0.2, 50)
    large = st.funnel_limits_proportion(0.2, 5000)
    assert small[0] < large[0] < 0.2 < large[1] < small[1]


def test_998_limits_lie_outside_the_95_limits():
    inner = st.funnel_limits_rate(40, 1500, st.CONFIDENCE_95, 1000)
    outer = st.funnel_limits_rate(40, 1500, st.CONFIDENCE_998, 1000)
    assert outer[0] < inner[0] < 40 < inner[1] < outer[1]


@pytest.mark.parametrize(
    "value,position",
    [
        (0.5, st.FunnelPosition.ABOVE_998),
        (0.35, st.FunnelPosition.ABOVE_95),
        (0.2, st.FunnelPosition.WITHIN),
        (0.09, st.FunnelPosition.BELOW_95),
        (0.01, st.FunnelPosition.BELOW_998),
    ],
)
def test_funnel_position(value, position):
    assert st.funnel_position(value, (0.1, 0.3), (0.05, 0.4)) == position


def test_funnel_limits_refuse_an_empty_denominator():
    with pytest.raises(ValueError):
        st.funnel_limits_proportion(0.2, 0)


@settings(max_examples=60, deadline=None)
@given(
    p0=hyp.floats(min_value=0.001, max_value=0.999),
    n=hyp.integers(min_value=1, max_value=50_000),
    confidence=hyp.sampled_from([st.CONFIDENCE_95, st.CONFIDENCE_998]),
)
def test_proportion_limits_always_hold_the_benchmark_within_zero_and_one(p0, n, confidence):
    low, high = st.funnel_limits_proportion(p0, n, confidence)
    assert 0 <= low <= p0 + 1 / n and p0 - 1 / n <= high <= 1 and low <= high


@settings(max_examples=60, deadline=None)
@given(
    rate=hyp.floats(min_value=0.01, max_value=500),
    denominator=hyp.floats(min_value=1, max_value=100_000),
)
def test_rate_limits_are_ordered_and_never_negative(rate, denominator):
    inner = st.funnel_limits_rate(rate, denominator, st.CONFIDENCE_95, 1000)
    outer = st.funnel_limits_rate(rate, denominator, st.CONFIDENCE_998, 1000)
    assert 0 <= outer[0] <= inner[0] <= inner[1] <= outer[1]
