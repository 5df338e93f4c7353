"""The statistics module against published worked examples and exact calculations."""

import math

import pytest

from actlocally.measurement import statistics as st


@pytest.mark.parametrize(
    ("numerator", "denominator", "lower", "upper"),
    [
        # Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score).
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
    ],
)
def test_wilson_interval_matches_newcombes_worked_examples(numerator, denominator, lower, upper):
    got = st.wilson_interval(numerator, denominator)
    assert got == pytest.approx((lower, upper), abs=5e-5)


def test_wilson_interval_at_99_8_is_wider_than_at_95():
    low95, high95 = st.wilson_interval(30, 100)
    low998, high998 = st.wilson_interval(30, 100, confidence=0.998)
    assert low998 < low95 and high998 > high95


def test_wilson_interval_equals_the_closed_form_at_99_8():
    z = 3.090232306167813
    n, x = 200, 37
    p = x / n
    centre = (2 * x + z**2) / (2 * (n + z**2))
    half = z * math.sqrt(z**2 + 4 * x * (1 - p)) / (2 * (n + z**2))
    assert st.wilson_interval(x, n, 0.998) == pytest.approx((centre - half, centre + half))


def test_wilson_interval_refuses_a_numerator_over_the_denominator():
    with pytest.raises(ValueError):
        st.wilson_interval(11, 10)


@pytest.mark.parametrize(
    ("count", "lower", "upper"),
    [
        # Exact (Garwood) Poisson limits, as tabulated (e.g. Ulm 1990; PHE Technical Guide).
        (0, 0.0, 3.6889),
        (1, 0.0253, 5.5716),
        (2, 0.2422, 7.2247),
        (5, 1.6235, 11.6683),
        (9, 4.1154, 17.0848),
    ],
)
def test_byar_interval_below_ten_events_is_the_exact_poisson_interval(count, lower, upper):
    assert st.byar_interval(count) == pytest.approx((lower, upper), abs=5e-4)


def test_byar_interval_at_99_8_below_ten_events_is_exact():
    # Upper 99.8% limit for 0 events: -ln(0.001) exactly.
    assert st.byar_interval(0, 0.998)[1] == pytest.approx(-math.log(0.001), rel=1e-9)


@pytest.mark.parametrize("confidence", [0.95, 0.998])
def test_byar_interval_from_ten_events_is_byars_formula(confidence):
    z = st.z_for(confidence)
    o = 100
    lower = o * (1 - 1 / (9 * o) - z / (3 * math.sqrt(o))) ** 3
    upper = (o + 1) * (1 - 1 / (9 * (o + 1)) + z / (3 * math.sqrt(o + 1))) ** 3
    assert st.byar_interval(o, confidence) == pytest.approx((lower, upper))


def test_byar_interval_for_100_events_is_81_4_to_121_6():
    assert st.byar_interval(100) == pytest.approx((81.36, 121.63), abs=0.01)


def test_z_values_for_95_and_99_8():
    assert st.z_for(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert st.z_for(0.998) == pytest.approx(3.090232, abs=1e-6)


def test_chi_square_for_trend_matches_r_prop_trend_test_example():
    # R's ?prop.trend.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82)
    # gives X-squared = 8.2249, p-value = 0.004132.
    statistic = st.chi_square_for_trend([83, 90, 129, 70], [86, 93, 136, 82])
    assert statistic == pytest.approx(8.2249, abs=1e-4)
    assert st.chi_square_1_p_value(statistic) == pytest.approx(0.004132, abs=1e-6)


def test_recent_trend_finds_a_steady_rise():
    result = st.recent_trend([100, 130, 160, 190, 220], [1000] * 5)
    assert result.trend == st.Trend.INCREASING


def test_recent_trend_finds_a_steady_fall():
    result = st.recent_trend([220, 190, 160, 130, 100], [1000] * 5)
    assert result.trend == st.Trend.DECREASING


def test_recent_trend_sees_no_change_in_noise():
    result = st.recent_trend([100, 104, 98, 101, 103], [1000] * 5)
    assert result.trend == st.Trend.NO_SIGNIFICANT_CHANGE


def test_recent_trend_needs_five_periods():
    assert st.recent_trend([1, 2, 3, 4], [10] * 4).trend == st.Trend.CANNOT_BE_CALCULATED


def test_recent_trend_uses_only_the_last_five_periods():
    # A fall long ago, then flat: the last five are flat.
    result = st.recent_trend([500, 400, 100, 101, 99, 100, 100], [1000] * 7)
    assert result.trend == st.Trend.NO_SIGNIFICANT_CHANGE


# RAG: comparison with a benchmark, both polarities --------------------------------------------


@pytest.mark.parametrize(
    ("benchmark", "polarity", "expected"),
    [
        (10, st.Polarity.LOWER_IS_BETTER, st.Comparison.WORSE),  # area higher, lower is better
        (10, st.Polarity.HIGHER_IS_BETTER, st.Comparison.BETTER),
        (30, st.Polarity.LOWER_IS_BETTER, st.Comparison.BETTER),  # area lower
        (30, st.Polarity.HIGHER_IS_BETTER, st.Comparison.WORSE),
        (20, st.Polarity.LOWER_IS_BETTER, st.Comparison.SIMILAR),  # inside the interval
        (20, st.Polarity.HIGHER_IS_BETTER, st.Comparison.SIMILAR),
        (10, st.Polarity.NO_JUDGEMENT, st.Comparison.HIGHER),
        (30, st.Polarity.NO_JUDGEMENT, st.Comparison.LOWER),
    ],
)
def test_compare_by_benchmark_outside_interval_and_polarity(benchmark, polarity, expected):
    assert st.compare(20, 15, 25, benchmark, polarity) == expected


def test_compare_on_the_interval_edge_is_similar():
    assert st.compare(20, 15, 25, 25, st.Polarity.LOWER_IS_BETTER) == st.Comparison.SIMILAR


@pytest.mark.parametrize("missing", ["value", "interval", "benchmark"])
def test_compare_without_enough_data_is_not_compared(missing):
    args = {"value": 20, "lower": 15, "upper": 25, "benchmark": 10}
    if missing == "interval":
        args["lower"] = args["upper"] = None
    else:
        args[missing] = None
    assert (
        st.compare(
            args["value"], args["lower"], args["upper"], args["benchmark"], "lower_is_better"
        )
        == st.Comparison.NOT_COMPARED
    )


def test_change_between_newcombe_difference_of_proportions():
    # Newcombe (1998) Table II, example (a): 56/70 vs 48/80, method 10 gives 0.0524 to 0.3339.
    p1, p2 = 56 / 70, 48 / 80
    l1, u1 = st.wilson_interval(56, 70)
    l2, u2 = st.wilson_interval(48, 80)
    change = st.change_between(
        then=(p2, l2, u2), now=(p1, l1, u1), polarity=st.Polarity.HIGHER_IS_BETTER
    )
    assert (change.lower, change.upper) == pytest.approx((0.0524, 0.3339), abs=5e-4)
    assert change.significant
    assert change.comparison == st.Comparison.BETTER


def test_change_between_a_fall_when_lower_is_better_is_better():
    then = (0.30, 0.28, 0.32)
    now = (0.20, 0.18, 0.22)
    change = st.change_between(then=then, now=now, polarity=st.Polarity.LOWER_IS_BETTER)
    assert change.comparison == st.Comparison.BETTER


def test_change_between_overlapping_small_change_is_similar():
    change = st.change_between(
        then=(0.30, 0.25, 0.35), now=(0.31, 0.26, 0.36), polarity=st.Polarity.LOWER_IS_BETTER
    )
    assert not change.significant
    assert change.comparison == st.Comparison.SIMILAR


@pytest.mark.parametrize(
    ("trend", "polarity", "expected"),
    [
        (st.Trend.INCREASING, st.Polarity.LOWER_IS_BETTER, st.Comparison.WORSE),
        (st.Trend.INCREASING, st.Polarity.HIGHER_IS_BETTER, st.Comparison.BETTER),
        (st.Trend.DECREASING, st.Polarity.LOWER_IS_BETTER, st.Comparison.BETTER),
        (st.Trend.DECREASING, st.Polarity.HIGHER_IS_BETTER, st.Comparison.WORSE),
    ],
)
def test_trend_judgement_by_polarity(trend, polarity, expected):
    assert st.trend_judgement(trend, polarity) == expected
