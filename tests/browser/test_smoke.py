"""Browser smoke test: headless Chromium signs in with a demo login and opens the main pages."""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = [
    pytest.mark.browser,
    # Serialized rollback puts back the blueprint steps the migrations loaded.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not CHROMIUM and not os.environ.get("CI"),
        reason="Chromium is not installed (CI installs it)",
    ),
]

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)


@pytest.fixture
def page(demo, live_server):
    # Playwright's sync API runs an event loop in this thread; the ORM work is done by now.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1024, "height": 800})
        page.base_url = live_server.url
        yield page
        browser.close()


def sign_in(page, email):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill("actlocally-demo")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def test_coordinator_walks_their_partnership(page):
    sign_in(page, "coordinator@example.org")
    page.get_by_role("link", name="Act Locally: Keighley").click()
    assert page.get_by_role("heading", name="Overview").is_visible()
    for section, heading in [
        ("Journey", "The five-phase journey"),
        ("Focus issue", "Focus issue"),
        ("Members", "Members"),
        ("Timeline", "Timeline"),
        ("Early impact", "Early impact"),
    ]:
        page.get_by_role("navigation", name="Partnership sections").get_by_role(
            "link", name=section
        ).click()
        assert page.get_by_role("heading", level=1, name=heading).is_visible()


def test_member_of_another_partnership_gets_not_found(page):
    sign_in(page, "headteacher@example.org")
    response = page.goto(page.base_url + "/partnerships/holme-wood/")
    assert response.status == 404


def test_backbone_staff_see_all_three_partnerships(page):
    sign_in(page, "backbone@example.org")
    rows = page.locator("table.govuk-table tbody tr")
    assert rows.count() == 3


def test_public_area_page_needs_no_sign_in(page):
    page.goto(page.base_url + "/")
    page.get_by_role("link", name="Manningham & Girlington").click()
    assert page.get_by_role("heading", name="Our focus issue").is_visible()
