"""Browser: measurement's charts as people meet them. An indicator's trend chart and its funnel
of Bradford's wards are drawn (an SVG inside the chart's container) at 1024 and 375px with no
console errors and axe clean, under the site's Content-Security-Policy (the browser fixtures fail
on any violation); the funnel switches to the area's LSOAs when asked; the indicators page draws
its spine chart; the co-ordinator embeds an indicator in a new draft Statement of Intent on a
phone and its chart is drawn there, and once that version is agreed its frozen chart is drawn
from the page itself; and every measurement page of the URL table passes the
every-page walk."""

import os

import pytest
from django.utils import timezone

from tests.url_tables import URLS

from .conftest import DESKTOP, PHONE, open_page, screenshot, sign_in
from .test_every_page import demo_world, problems_on, walk

INDICATOR = "Children in income-deprived families (IDACI)"


def open_indicator(browser, viewport):
    page = open_page(browser, viewport)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + "/partnerships/keighley/measurement/")
    # IDACI by name: the first card may be a mean score, which has no funnel.
    page.locator(".govuk-summary-card__title a", has_text=INDICATOR).first.click()
    page.wait_for_url("**/measurement/*/")
    return page, errors


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1024", "375"])
def test_indicator_page_draws_its_trend_chart(browser, viewport):
    page, errors = open_indicator(browser, viewport)
    page.wait_for_selector("[data-chart=trend][data-vega-drawn]")
    assert page.locator("[data-chart=trend]").get_attribute("data-vega-drawn") == "true"
    assert page.locator("[data-chart=trend] svg").count() == 1
    page.wait_for_selector("[data-chart=funnel-wards][data-vega-drawn]")
    screenshot(page, f"charts-indicator-{viewport['width']}")
    # axe and the width check, with the charts drawn.
    assert problems_on(page, "indicator", viewport["width"]) == []
    assert errors == []


def test_the_funnel_compares_with_the_areas_lsoas_when_asked(browser):
    page, errors = open_indicator(browser, PHONE)
    page.wait_for_selector("[data-chart=funnel-wards][data-vega-drawn]")
    assert (
        page.locator("[data-chart-summary=funnel-wards]")
        .inner_text()
        .startswith("Keighley Central's area lies")
    )
    page.get_by_label("The area's LSOAs").check()
    page.get_by_role("button", name="Show the funnel plot").click()
    page.wait_for_selector("[data-chart=funnel][data-vega-drawn]")
    assert page.locator("[data-chart=funnel-wards]").count() == 0
    screenshot(page, "charts-funnel-lsoas-375")
    assert problems_on(page, "indicator, the area's LSOAs", PHONE["width"]) == []
    assert errors == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1024", "375"])
def test_indicators_page_draws_the_spine_chart(browser, viewport):
    page = open_page(browser, viewport)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + "/partnerships/keighley/measurement/")
    page.wait_for_selector("[data-chart=spine][data-vega-drawn]")
    assert page.locator("[data-chart=spine] svg").count() == 1
    folder = os.environ.get("BROWSER_SCREENSHOTS", "var/screenshots")
    os.makedirs(folder, exist_ok=True)
    spine_png = os.path.join(folder, f"charts-spine-only-{viewport['width']}.png")
    page.locator("[data-chart=spine]").screenshot(path=spine_png)
    screenshot(page, f"charts-spine-{viewport['width']}")
    assert problems_on(page, "indicators", viewport["width"]) == []
    assert errors == []


def test_measurement_pages_pass_the_every_page_walk(browser):
    names = {name for name in URLS if name.startswith("measurement")}
    visited, problems = walk(browser, demo_world(), only=names)
    assert "measurement_indicator" in visited and problems == []


def test_coordinator_embeds_an_indicator_in_the_statement_and_its_chart_is_drawn(browser):
    page = open_page(browser, PHONE)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/statement-of-intent/new-draft/")
    page.get_by_role("button", name="Start the new draft").click()
    page.get_by_role("link", name="Embed an indicator").click()
    assert problems_on(page, "indicators editor", PHONE["width"]) == []
    page.get_by_label("Indicator").select_option(label="Income deprivation")
    page.get_by_label("What it tells us (optional)").fill("A quarter of people on a low income.")
    page.get_by_role("button", name="Save").click()
    figure = page.locator("figure", has_text="Income deprivation")
    assert "Worse than Bradford" in figure.inner_text()
    page.wait_for_selector("[data-chart=indicator-1][data-vega-drawn=true] svg")
    screenshot(page, "charts-statement")
    assert problems_on(page, "statement", PHONE["width"]) == []
    assert errors == []


def test_an_agreed_statement_draws_its_frozen_indicator_chart(browser):
    page = open_page(browser, DESKTOP)
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/statement-of-intent/new-draft/")
    page.get_by_role("button", name="Start the new draft").click()
    page.get_by_role("link", name="Embed an indicator").click()
    page.get_by_label("Indicator").select_option(label="Income deprivation")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("link", name="Circulate for comment").click()
    page.get_by_role("button", name="Circulate for comment").click()
    page.get_by_role("link", name="Record that it was agreed").click()
    page.get_by_label("Date it was agreed").fill(timezone.localdate().isoformat())
    page.get_by_label("Who agreed it").fill("The convening partnership")
    page.get_by_role("button", name="Record that it was agreed").click()
    figure = page.locator("figure", has_text="Income deprivation")
    assert "Figures as at" in figure.inner_text()
    page.wait_for_selector("[data-chart=indicator-1][data-vega-drawn=true] svg")
    assert page.locator("[data-chart=indicator-1]").get_attribute("data-vega-spec-id")
    assert errors == []
