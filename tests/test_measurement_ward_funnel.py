"""The funnel plot of the local authority's wards: each ward's figure summed from its LSOAs, the
other public partnerships' areas among them, the partnership's own area highlighted with its
judgement in words, small wards suppressed for those who may not see them, a fixed number of
queries, and the page's choice between wards and the area's LSOAs (validated and fuzzed)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hyp

from actlocally.measurement import statistics as st
from actlocally.measurement.chart_selectors import indicator_charts, ward_figures
from actlocally.measurement.models import DataPoint
from actlocally.measurement.selectors import format_value
from tests import factories
from tests.pageforms import read_forms

from .measurement_fixtures import Y2324, point
from .test_measurement_charts import layer_values

pytestmark = pytest.mark.django_db


def lsoas_of(ward, indicator, figures, start):
    """LSOAs in `ward`, one per (numerator, denominator), with their data points."""
    made = []
    for i, (n, d) in enumerate(figures):
        lsoa = factories.LsoaFactory(code=f"E01{start + i:06d}", ward=ward)
        made.append(lsoa)
        point(indicator, "lsoa", lsoa.code, *Y2324, n, d)
    return made


@pytest.fixture
def wards(world):
    """Three of Bradford's wards. Keighley's area is Keighley Central's two LSOAs (150 of 500:
    30%, far above Bradford's 10%); Holme Wood's is Tong's; Wharfedale's one LSOA has 4 of 100,
    below the small-number threshold. Bradford is 10,000 of 100,000."""
    chosen = factories.PartnershipIndicatorFactory(partnership=world.keighley)
    made = {}
    for start, (name, figures) in enumerate(
        [
            ("Keighley Central", [(90, 300), (60, 200)]),
            ("Tong", [(30, 300), (20, 200), (10, 100)]),
            ("Wharfedale", [(4, 100)]),
        ]
    ):
        made[name] = lsoas_of(
            factories.WardFactory(name=name), chosen.indicator, figures, start * 10 + 1
        )
    factories.FocusAreaFactory(partnership=world.keighley).lsoas.set(made["Keighley Central"])
    factories.FocusAreaFactory(partnership=world.holme_wood).lsoas.set(made["Tong"])
    point(chosen.indicator, "la", "E08000032", *Y2324, 10000, 100000)
    return chosen


def figures_of(chosen, *, sees_small_numbers=True):
    found = ward_figures(
        chosen.partnership, chosen, "2023/24", sees_small_numbers=sees_small_numbers
    )
    return {(f.kind, f.name): (f.estimate.numerator, f.estimate.denominator) for f in found}


def chart_of(chosen, user):
    return indicator_charts(chosen.partnership, chosen.pk, user, kinds=("funnel-wards",))[1][
        "funnel-wards"
    ]


def test_each_ward_sums_its_lsoas_numerators_and_denominators(world, wards):
    figures = figures_of(wards)
    assert figures[("ward", "Keighley Central")] == (150, 500)
    assert figures[("ward", "Tong")] == (60, 600)


def test_another_public_partnerships_area_is_summed_but_not_the_partnerships_own(world, wards):
    areas = {name: f for (kind, name), f in figures_of(wards).items() if kind == "partnership"}
    assert areas == {world.holme_wood.area_name: (60, 600)}


def test_a_ward_with_a_row_lacking_its_denominator_is_left_out(world, wards):
    first, _second = lsoas_of(
        factories.WardFactory(name="Bingley"), wards.indicator, [(5, 50), (6, 60)], 90
    )
    DataPoint.objects.filter(code=first.code).update(denominator=None)
    assert ("ward", "Bingley") not in figures_of(wards)


def test_ward_limits_are_the_funnel_statistics(world, wards):
    chart = chart_of(wards, world.people["research_partner"])
    row = next(r for r in chart.rows if r[0] == "Tong")
    low, high = st.funnel_limits_proportion(0.1, 600, st.CONFIDENCE_95)
    assert row[5] == f"{format_value(wards.indicator, low * 100)} to " + format_value(
        wards.indicator, high * 100
    )


def test_the_curve_is_the_998_limits_around_the_local_authority(world, wards):
    curve = layer_values(chart_of(wards, world.people["research_partner"]).spec, "line")
    n = curve[0]["denominator"]
    by = {(c["limit"], c["side"]): c["value"] for c in curve if c["denominator"] == n}
    low, high = st.funnel_limits_proportion(0.1, n, st.CONFIDENCE_998)
    assert (by[("99.8% limits", "lower")], by[("99.8% limits", "upper")]) == pytest.approx(
        (low * 100, high * 100), abs=1e-5
    )


def test_the_partnerships_own_area_is_the_one_highlighted_point(world, wards):
    spec = chart_of(wards, world.people["research_partner"]).spec
    highlighted = [p["place"] for p in layer_values(spec, "point") if p.get("highlight")]
    assert highlighted == [f"{world.keighley.area_name}'s area"] * 2  # the point and its ring


def test_the_own_areas_judgement_is_a_sentence(world, wards):
    chart = chart_of(wards, world.people["research_partner"])
    assert chart.summary == (
        f"{world.keighley.area_name}'s area lies above the upper 99.8% limit: higher than areas "
        "of its size across Bradford's wards, by more than chance would explain at 99.8% "
        "confidence. For this indicator that is worse."
    )


def test_a_small_ward_is_suppressed_for_a_member(world, wards):
    chart = chart_of(wards, world.people["member"])
    assert "Wharfedale" not in {p["place"] for p in layer_values(chart.spec, "point")}
    assert next(r for r in chart.rows if r[0] == "Wharfedale")[2] == "suppressed"


def test_the_research_partner_sees_the_small_ward(world, wards):
    chart = chart_of(wards, world.people["research_partner"])
    assert "Wharfedale" in {p["place"] for p in layer_values(chart.spec, "point")}


def test_ward_funnel_queries_do_not_grow_with_wards_or_lsoas(client, world, wards):
    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": wards.pk, "kind": "funnel-wards"}
    )
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(5):
        lsoas_of(factories.WardFactory(), wards.indicator, [(20 + i, 250), (30, 300)], 200 + i * 10)
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        body = client.get(url).json()
    assert len(many) == len(few)
    assert len([p for p in layer_values(body, "point") if not p.get("highlight")]) == 8


def test_ward_funnel_csv_has_every_place(client, world, wards):
    client.force_login(world.people["member"])
    url = reverse(
        "measurement_chart_csv",
        kwargs={"slug": "keighley", "pk": wards.pk, "kind": "funnel-wards"},
    )
    lines = client.get(url).content.decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == [
        f"{world.keighley.area_name}'s area",
        "Keighley Central",
        "Tong",
        "Wharfedale",
        world.holme_wood.area_name,
    ]


# The page's choice --------------------------------------------------------------------------


def funnel_form(response):
    (form,) = [f for f in read_forms(response.content) if "compare" in f.fields]
    return form


def test_the_page_shows_the_wards_funnel_by_default(client, world, wards):
    client.force_login(world.people["member"])
    page = client.get(wards.get_absolute_url()).content.decode()
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": wards.pk, "kind": "funnel-wards"}
    )
    assert f'data-vega-spec="{url}"' in page
    assert "lies above the upper 99.8% limit" in page


def test_the_page_offers_both_choices(client, world, wards):
    client.force_login(world.people["member"])
    form = funnel_form(client.get(wards.get_absolute_url()))
    assert [form.labels[("compare", v)] for v in form.options["compare"]] == [
        "Bradford's wards",
        "The area's LSOAs",
    ]


def test_choosing_the_areas_lsoas_shows_the_lsoa_funnel(client, world, wards):
    client.force_login(world.people["member"])
    response = client.get(wards.get_absolute_url())
    form = funnel_form(response).choose("compare", "The area's LSOAs")
    page = client.get(wards.get_absolute_url(), form.data()).content.decode()
    url = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": wards.pk, "kind": "funnel"}
    )
    assert f'data-vega-spec="{url}"' in page and "funnel-wards.json" not in page
    assert funnel_form_checked(page) == ["lsoas"]


def funnel_form_checked(html):
    (form,) = [f for f in read_forms(html) if "compare" in f.fields]
    return form.values["compare"]


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    value=hyp.one_of(
        hyp.text(hyp.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")),
        hyp.sampled_from(["", "Wards", "lsoa", "funnel", "1" * 30, "wards ", "[]"]),
    )
)
def test_an_unknown_choice_shows_the_wards(client, world, wards, value):
    client.force_login(world.people["member"])
    response = client.get(wards.get_absolute_url(), {"compare": value})
    assert response.status_code == 200
    assert funnel_form_checked(response.content) == ["wards"]


def test_another_area_keeps_an_lsoa_it_shares_with_the_partnerships_area(world, wards):
    shared = world.keighley.focus_area.lsoas.first()
    world.holme_wood.focus_area.lsoas.add(shared)
    areas = {name: f for (kind, name), f in figures_of(wards).items() if kind == "partnership"}
    assert areas[world.holme_wood.area_name][1] == 600 + 300


def test_a_private_partnerships_area_is_not_shown(world, wards):
    world.holme_wood.is_public = False
    world.holme_wood.save()
    assert not [kind for kind, _name in figures_of(wards) if kind == "partnership"]
