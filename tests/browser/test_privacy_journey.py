"""Browser: a member downloads a copy of their own data from their profile (a ZIP of JSON files
and a PDF); site staff, on a 375px phone, find a person and erase them after typing their email."""

import zipfile

from .conftest import PHONE, open_page, screenshot, sign_in
from .test_every_page import problems_on


def test_a_member_downloads_their_own_data_from_their_profile(browser):
    page = open_page(browser)
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + "/accounts/profile/")
    page.get_by_role("link", name="Download your data").click()
    page.get_by_role("button", name="Make a copy of my data").click()
    page.wait_for_url("**/jobs/**")
    page.get_by_text("100% done").wait_for()
    screenshot(page, "privacy-own-export-finished")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the data").click()
    with zipfile.ZipFile(download.value.path()) as archive:
        names = archive.namelist()
        assert "accounts.User.json" in names
        assert archive.read("summary.pdf").startswith(b"%PDF")
    page.context.close()


def test_site_staff_erase_a_person_on_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "admin@example.org")
    page.goto(page.base_url + "/privacy/people/")
    page.get_by_label("Name or email address").fill("commissioner@example.org")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name="commissioner@example.org").or_(
        page.locator("table a.govuk-link")
    ).first.click()
    page.get_by_role("button", name="Erase this person").click()
    screenshot(page, "privacy-erase-confirm-phone")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375
    page.get_by_label("Type their email address to confirm").fill("commissioner@example.org")
    page.get_by_role("button", name="Erase this person").click()
    page.get_by_text("The person has been erased").wait_for()
    screenshot(page, "privacy-erased-phone")
    # The list of recent erasures appears only now: checked here, as the page walk sees none.
    assert problems_on(page, "privacy_people after an erasure", 375) == []
    page.goto(page.base_url + "/privacy/people/?q=commissioner%40example.org")
    assert page.get_by_text("Nobody matches").is_visible()
    page.context.close()
