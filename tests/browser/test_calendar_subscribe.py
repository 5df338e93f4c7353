"""Subscribing to the partnership's calendar on a 375px phone."""

from playwright.sync_api import expect

from .conftest import screenshot, sign_in


def test_calendar_address_fits_a_phone_and_can_be_copied(phone):
    phone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    sign_in(phone, "coordinator@example.org")
    phone.goto(phone.base_url + "/partnerships/keighley/meetings/")
    box = phone.locator(".app-subscribe")
    box.scroll_into_view_if_needed()
    screenshot(phone, "phone-meetings-subscribe")
    assert box.bounding_box()["x"] + box.bounding_box()["width"] <= 375
    phone.get_by_role("button", name="Copy address").click()
    # The message appears once the browser has written the clipboard: wait for it.
    expect(phone.get_by_text("Address copied")).to_be_visible()
    address = phone.locator(".app-subscribe textarea").input_value()
    assert phone.evaluate("navigator.clipboard.readText()") == address
