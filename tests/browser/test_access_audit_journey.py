"""Browser: the data guardian signs in, searches the access audit for one person's views of
Keighley's member list and downloads the entries as CSV; the page fits a 375px phone."""

from pathlib import Path

from .conftest import PHONE, open_page, screenshot, sign_in
from .test_every_page import demo_world, walk


def search_for_hannah(page):
    page.get_by_role("link", name="Access audit").click()
    page.get_by_label("Person").fill("Hannah")
    page.get_by_label("What they looked at").select_option(label="Member list with contact details")
    page.get_by_label("Partnership").select_option(label="Act Locally: Keighley")
    page.get_by_role("button", name="Search").click()


def test_the_data_guardian_searches_the_audit_and_downloads_it(browser):
    page = open_page(browser)
    sign_in(page, "dataguardian@example.org")
    search_for_hannah(page)
    table = page.locator("table")
    assert "1 entry, newest first" in table.inner_text()
    assert "Hannah Clarke" in table.inner_text()
    screenshot(page, "access-audit-search")
    with page.expect_download() as info:
        page.get_by_role("link", name="Download these entries (CSV)").click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    assert "Hannah Clarke,coordinator@example.org,Member list with contact details" in text


def test_the_access_audit_fits_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "dataguardian@example.org")
    page.goto(page.base_url + "/access-audit/")
    assert page.get_by_role("heading", name="Access audit").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "access-audit-phone")
    assert width <= PHONE["width"]


def test_the_access_audit_has_no_axe_violation_at_either_width(browser):
    visited, problems = walk(browser, demo_world(), only={"access_audit"})
    assert (visited, problems) == (["access_audit"], [])
