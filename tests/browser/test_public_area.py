"""The public area page on a 375px phone: what a parent needs is near the top, the map draws,
and without JavaScript the wards are listed instead."""

import pytest

from actlocally.partnerships.models import Partnership

from .conftest import PHONE, screenshot


@pytest.fixture
def area_url(demo):
    partnership = Partnership.objects.public().filter(focus_area__isnull=False).first()
    partnership.public_contact = "actlocally@example.org"
    partnership.save(update_fields=["public_contact"])
    return partnership.get_public_url()


def test_a_parent_on_a_phone_finds_contact_and_taking_part_near_the_top(phone, area_url):
    phone.goto(phone.base_url + area_url)
    phone.locator("#public-area-map path").first.wait_for()
    screenshot(phone, "phone-public-area")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    # Within the first two screens of a phone, not after 7,000px of text.
    top = phone.get_by_role("heading", name="Take part").bounding_box()["y"]
    assert top < 2 * PHONE["height"]
    assert phone.get_by_role("link", name="actlocally@example.org").is_visible()


def test_without_javascript_the_page_lists_the_wards(browser, area_url):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(browser.base_url + area_url)
    assert page.locator("#wards li").count() >= 1
