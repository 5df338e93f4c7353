"""Shared measurement pages: query counts, the forms as the page offers them, the theory of
change and the cached indicator page."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actlocally.measurement.models import DataPoint
from tests import factories
from tests.pageforms import page_form, submit

from .measurement_fixtures import *  # noqa: F403
from .measurement_fixtures import area_rows, point

pytestmark = pytest.mark.django_db


# Query counts ----------------------------------------------------------------------------------


def test_indicator_page_queries_do_not_grow_with_data_points(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    client.get(url)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(3, 30):
        start = datetime.date(1990 + i, 9, 1)
        label = f"{1990 + i}/{(91 + i) % 100:02d}"
        point(area.indicator, "lsoa", "E01000001", label, start, 20, 100)
        point(area.indicator, "la", "E08000032", label, start, 200, 1000)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_indicators_page_queries_do_not_grow_with_indicators(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement", kwargs={"slug": "keighley"})
    area_rows(area)
    client.get(url)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(5):
        more = factories.PartnershipIndicatorFactory(partnership=world.keighley)
        area_rows(more)
    cache.clear()  # count the queries that work the figures out, not a cached read
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


# Forms, posted as the page offers them ----------------------------------------------------------


def test_research_partner_chooses_an_indicator_with_a_baseline(client, world):
    indicator = factories.IndicatorFactory(
        local_authority=world.bradford, name="Healthy Start take-up"
    )
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_choose", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").choose("indicator", "Healthy Start take-up")
    form.set("baseline_period", "2022-23").set("baseline_value", "61.5")
    outcome = world.focus.outcomes.first()
    form.tick("outcomes", str(outcome.pk))
    submit(client, response, form)
    chosen = world.keighley.indicators.get(indicator=indicator)
    assert (chosen.baseline_period, chosen.baseline_value) == ("2022/23", 61.5)
    assert list(chosen.outcomes.all()) == [outcome]


def test_choosing_with_a_wrong_period_shows_the_error(client, world):
    factories.IndicatorFactory(local_authority=world.bradford, name="Healthy Start take-up")
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_choose", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").choose("indicator", "Healthy Start take-up")
    form.set("baseline_period", "last year").set("baseline_value", "61.5")
    answer = submit(client, response, form)
    assert "Write the period like" in answer.content.decode()
    assert not world.keighley.indicators.exists()


def test_coordinator_defines_an_indicator_in_the_library(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("measurement_define", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="definition")
    form.set("name", "Healthy Start take-up").set("key", "healthy-start")
    form.set("definition", "Eligible families who use Healthy Start.")
    form.choose("unit", "Percentage").choose("polarity", "Higher is better")
    form.set("period_type", "financial_year").set("frequency", "annual")
    form.set("source", "NHS Business Services Authority").set("licence", "OGL v3.0")
    submit(client, response, form)
    assert world.bradford.indicators.filter(key="healthy-start", unit="percentage").exists()


def test_a_figure_typed_in_the_form_is_saved(client, world, area):
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_data_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").set("indicator", str(area.indicator.pk))
    form.choose("geography", "The partnership's area")
    form.set("period", "2023/24").set("numerator", "12").set("denominator", "240")
    submit(client, response, form)
    saved = DataPoint.objects.get(indicator=area.indicator, geography="area")
    assert saved.value == 5.0


def test_a_proportion_over_one_typed_in_the_form_is_refused(client, world):
    indicator = factories.IndicatorFactory(local_authority=world.bradford, unit="proportion")
    client.force_login(world.people["research_partner"])
    response = client.get(reverse("measurement_data_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="indicator").set("indicator", str(indicator.pk))
    form.choose("geography", "England").set("period", "2023/24").set("value", "1.5")
    answer = submit(client, response, form)
    assert "A proportion is from 0 to 1." in answer.content.decode()
    assert not DataPoint.objects.exists()


# The theory of change ----------------------------------------------------------------------------


def test_theory_of_change_lists_indicators_under_their_outcome(world, area):
    from actlocally.theory.links import links_for

    outcome = world.focus.outcomes.first()
    area.outcomes.add(outcome)
    kinds = links_for(world.keighley, [outcome.pk])[outcome.pk]
    indicators = next(k for k in kinds if k["kind"].key == "indicators")
    assert [link.label for link in indicators["links"]] == ["Dental absence"]


def test_a_warm_indicator_page_reads_its_figures_from_the_cache(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as warm:
        client.get(url)
    assert len(warm) < len(cold)


def test_an_indicator_page_shows_a_new_figure_at_once(client, world, area):
    client.force_login(world.people["member"])
    url = reverse("measurement_indicator", kwargs={"slug": "keighley", "pk": area.pk})
    area_rows(area)
    client.get(url)
    point(area.indicator, "la", "E08000032", "2030/31", datetime.date(2030, 9, 1), 333, 1000)
    assert "2030/31" in client.get(url).text
