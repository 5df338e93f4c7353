"""Measurement's charts: the Vega-Lite specs' shape and values, small numbers left out of the
chart data for everyone who sees suppressed tables, and the chart JSON and CSV views."""

import json

import pytest
from django.core.cache import cache
from django.urls import reverse

from actlocally.measurement import statistics as st
from actlocally.measurement.chart_selectors import indicator_charts, spine_chart
from tests import factories

from .measurement_fixtures import Y2223, Y2324, area, area_rows, point  # noqa: F401

pytestmark = pytest.mark.django_db


def layer_values(spec, mark):
    return [
        value
        for layer in spec["layer"]
        if (layer["mark"]["type"] if isinstance(layer["mark"], dict) else layer["mark"]) == mark
        for value in layer.get("data", spec.get("data", {})).get("values", [])
    ]


def chart_of(chosen, user, kind):
    return indicator_charts(chosen.partnership, chosen.pk, user)[1][kind]


def comparators_world(chosen, latest=(80, 70)):
    area_rows(chosen, period=Y2223)
    area_rows(chosen, n1=latest[0], n2=latest[1])
    for period, n in ((Y2223, 900), (Y2324, 800)):
        point(chosen.indicator, "la", "E08000032", *period, n, 10000)
        point(chosen.indicator, "england", "E92000001", *period, n * 10, 100000)
    chosen.baseline_period, chosen.baseline_value = "2022/23", 10.0
    chosen.target_period, chosen.target_value = "2025/26", 8.0
    chosen.save()
    return chosen


@pytest.fixture
def with_comparators(area):  # noqa: F811 (the fixture imported above)
    return comparators_world(area)


@pytest.fixture
def small_latest(area):  # noqa: F811
    """As with_comparators, but 2023/24's count is 7: below the threshold."""
    return comparators_world(area, latest=(3, 4))


def test_trend_draws_each_place_in_each_period(world, with_comparators):
    spec = chart_of(with_comparators, world.people["member"], "trend").spec
    lines = layer_values(spec, "line")
    assert {(p["place"], p["period"]) for p in lines} == {
        (place, period)
        for place in (world.keighley.area_name, "Bradford", "England")
        for period in ("2022/23", "2023/24")
    }


def test_trend_error_bars_are_the_areas_95_percent_intervals(world, with_comparators):
    spec = chart_of(with_comparators, world.people["member"], "trend").spec
    bar = next(b for b in layer_values(spec, "rule") if b.get("period") == "2023/24")
    low, high = st.wilson_interval(150, 1000)
    assert (bar["value"], bar["lower"], bar["upper"]) == pytest.approx((15, low * 100, high * 100))


def test_trend_marks_the_baseline_and_the_target(world, with_comparators):
    spec = chart_of(with_comparators, world.people["member"], "trend").spec
    labels = [t["label"] for t in layer_values(spec, "text")]
    assert labels == ["Baseline 2022/23: 10.0%", "Target 2025/26: 8.0%"]


def test_trend_leaves_suppressed_figures_out_for_a_member(world, small_latest):
    spec = chart_of(small_latest, world.people["member"], "trend").spec
    drawn = {(p["place"], p["period"]) for p in layer_values(spec, "line")}
    assert (world.keighley.area_name, "2023/24") not in drawn and (
        world.keighley.area_name,
        "2022/23",
    ) in drawn
    assert "0.7" not in json.dumps(spec)


def test_trend_shows_small_figures_to_the_research_partner(world, small_latest):
    spec = chart_of(small_latest, world.people["research_partner"], "trend").spec
    assert {"period": "2023/24", "place": world.keighley.area_name, "value": 0.7} in layer_values(
        spec, "line"
    )


def test_trend_table_says_suppressed(world, small_latest):
    chart = chart_of(small_latest, world.people["member"], "trend")
    assert chart.rows[0][:3] == ["2023/24", "suppressed", "suppressed"]


def test_comparators_label_the_area_with_its_judgement(world, with_comparators):
    spec = chart_of(with_comparators, world.people["member"], "comparators").spec
    area_point = next(p for p in spec["data"]["values"] if p["place"] == world.keighley.area_name)
    # 15% against Bradford's 8%, lower is better.
    assert area_point["judgement"] == "Worse" and area_point["label"] == "15.0% (Worse)"


def test_comparators_table_has_every_place_and_sentence(world, with_comparators):
    chart = chart_of(with_comparators, world.people["member"], "comparators")
    assert [r[0] for r in chart.rows] == [world.keighley.area_name, "Bradford", "England"]
    assert chart.rows[1][3].startswith("Worse than Bradford")


# Funnel ---------------------------------------------------------------------------------------


@pytest.fixture
def funnel_area(world):
    """Keighley's four LSOAs, a percentage indicator, and Bradford at 10%."""
    lsoas = [factories.LsoaFactory(code=f"E0100010{i}") for i in range(4)]
    factories.FocusAreaFactory(partnership=world.keighley).lsoas.set(lsoas)
    chosen = factories.PartnershipIndicatorFactory(partnership=world.keighley)
    for lsoa, (n, d) in zip(lsoas, [(30, 300), (60, 300), (3, 200), (10, 400)], strict=True):
        point(chosen.indicator, "lsoa", lsoa.code, *Y2324, n, d)
    point(chosen.indicator, "la", "E08000032", *Y2324, 10000, 100000)
    return chosen


def test_funnel_limits_in_the_spec_are_the_exact_limits(world, funnel_area):
    spec = chart_of(funnel_area, world.people["research_partner"], "funnel").spec
    curve = layer_values(spec, "line")
    first = [c for c in curve if c["denominator"] == curve[0]["denominator"]]
    n = first[0]["denominator"]
    by = {(c["limit"], c["side"]): c["value"] for c in first}
    low, high = st.funnel_limits_proportion(0.1, n, st.CONFIDENCE_998)
    assert by[("99.8% limits", "lower")] == pytest.approx(low * 100, abs=1e-5)
    assert by[("99.8% limits", "upper")] == pytest.approx(high * 100, abs=1e-5)


def test_funnel_places_each_lsoa_against_the_limits(world, funnel_area):
    spec = chart_of(funnel_area, world.people["research_partner"], "funnel").spec
    positions = {(p["denominator"], p["value"]): p["position"] for p in layer_values(spec, "point")}
    assert positions[(300, 10.0)] == "Within the 95% limits"
    assert positions[(300, 20.0)] == "Above the 99.8% limit"


def test_funnel_leaves_suppressed_lsoas_out_for_a_member(world, funnel_area):
    chart = chart_of(funnel_area, world.people["member"], "funnel")
    drawn = {p["denominator"] for p in layer_values(chart.spec, "point")}
    assert 200 not in drawn and drawn == {300, 400}
    assert [r[1] for r in chart.rows if r[1] == "suppressed"] == ["suppressed"]


def test_funnel_shows_the_small_lsoa_to_the_research_partner(world, funnel_area):
    chart = chart_of(funnel_area, world.people["research_partner"], "funnel")
    assert 200 in {p["denominator"] for p in layer_values(chart.spec, "point")}


def test_no_funnel_for_a_count(world, funnel_area):
    funnel_area.indicator.unit = "count"
    funnel_area.indicator.save()
    chart = chart_of(funnel_area, world.people["member"], "funnel")
    assert chart.spec is None and chart.empty == "A funnel plot needs a proportion or a rate."


# Spine ----------------------------------------------------------------------------------------


def test_spine_centres_on_the_local_authority_with_better_to_the_right(world, funnel_area):
    funnel_area.indicator.polarity = "lower_is_better"
    funnel_area.indicator.save()
    point(
        funnel_area.indicator,
        "area",
        str(world.keighley.pk),
        *Y2324,
        60,
        1000,
        partnership=world.keighley,
    )
    _page, chart = spine_chart(world.keighley, world.people["research_partner"])
    (row,) = chart.spec["data"]["values"]
    # LSOAs run 1.5% to 20% around Bradford's 10%: the furthest (20%) is the edge. The area's
    # 6% is lower, so better: to the right, at (10 - 6) / 10.
    assert row["value"] == pytest.approx(0.4)
    assert (row["low"], row["high"]) == pytest.approx((-1.0, 0.85))
    assert row["judgement"] == "Better"


def test_spine_range_leaves_suppressed_lsoas_out_for_a_member(world, funnel_area):
    point(
        funnel_area.indicator,
        "area",
        str(world.keighley.pk),
        *Y2324,
        60,
        1000,
        partnership=world.keighley,
    )
    _page, chart = spine_chart(world.keighley, world.people["member"])
    (row,) = chart.spec["data"]["values"]
    assert row["areas"] == 3
    assert "1.5%" not in " ".join(chart.rows[0])


# Views ----------------------------------------------------------------------------------------


def test_chart_json_is_the_spec(client, world, with_comparators):
    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": with_comparators.pk, "kind": "trend"}
    )
    response = client.get(url)
    assert response["Content-Type"] == "application/json"
    assert response.json()["layer"][1]["mark"]["type"] == "line"


def test_chart_json_is_hidden_from_another_partnership(client, world, with_comparators):
    client.force_login(world.outsider)
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": with_comparators.pk, "kind": "trend"}
    )
    assert client.get(url).status_code == 404


def test_an_unknown_chart_is_not_found(client, world, with_comparators):
    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": with_comparators.pk, "kind": "pie"}
    )
    assert client.get(url).status_code == 404


def test_chart_csv_has_the_tables_numbers(client, world, with_comparators):
    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart_csv",
        kwargs={"slug": "keighley", "pk": with_comparators.pk, "kind": "comparators"},
    )
    lines = client.get(url).content.decode("utf-8-sig").splitlines()
    assert lines[0] == "Place,Value,95% confidence interval,Compared with the area"
    assert lines[1].startswith(f"{world.keighley.area_name},15.0%,")


def test_indicator_page_points_each_chart_at_its_spec(client, world, with_comparators):
    client.force_login(world.people["member"])
    page = client.get(with_comparators.get_absolute_url()).content.decode()
    for kind in ("trend", "comparators"):
        url = reverse(
            "measurement_chart",
            kwargs={"slug": "keighley", "pk": with_comparators.pk, "kind": kind},
        )
        assert f'data-vega-spec="{url}"' in page


def test_chart_spec_fetches_nothing(world, with_comparators):
    spec = json.dumps(chart_of(with_comparators, world.people["member"], "trend").spec)
    assert '"url"' not in spec


def test_funnel_json_queries_do_not_grow_with_lsoas(client, world, funnel_area):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": funnel_area.pk, "kind": "funnel"}
    )
    client.get(url)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    focus_area = world.keighley.focus_area
    for i in range(10):
        lsoa = factories.LsoaFactory(code=f"E0100020{i}")
        focus_area.lsoas.add(lsoa)
        point(funnel_area.indicator, "lsoa", lsoa.code, *Y2324, 20 + i, 250)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).json()
    assert len(many) == len(few)
    assert len(layer_values(body, "point")) == 13
