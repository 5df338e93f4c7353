"""A co-ordinator maps an asset by clicking the map, is told when a position is outside the
local authority, then changes and removes the asset from the asset page."""

from .conftest import screenshot, sign_in


def test_coordinator_adds_changes_and_removes_an_asset(page):
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/area/assets/new/")
    page.get_by_label("Community group").check()
    page.get_by_label("Name", exact=True).fill("Keighley food bank")
    page.get_by_label("Latitude (optional)").fill("51.5074")
    page.get_by_label("Longitude (optional)").fill("-0.1278")
    page.get_by_role("button", name="Add to the map").click()
    assert page.get_by_text("That position is outside Bradford").first.is_visible()
    screenshot(page, "asset-outside-the-authority")

    page.locator("#asset-pick .leaflet-interactive").first.wait_for()
    page.locator("#asset-pick").click()  # the middle of the area: fills in the position
    page.get_by_role("button", name="Add to the map").click()
    page.wait_for_url("**/area/assets/")
    assert page.get_by_role("cell", name="Keighley food bank", exact=True).is_visible()

    page.get_by_role("link", name="Change Keighley food bank").click()
    page.get_by_label("Name", exact=True).fill("Keighley community food bank")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/area/assets/")
    screenshot(page, "asset-changed")
    assert page.get_by_role("cell", name="Keighley community food bank", exact=True).is_visible()

    page.get_by_role("link", name="Remove Keighley community food bank").click()
    screenshot(page, "asset-remove")
    page.get_by_role("button", name="Remove from the map").click()
    page.wait_for_url("**/area/assets/")
    assert page.get_by_text("has been taken off the asset map").is_visible()
    assert page.get_by_role("cell", name="Keighley community food bank", exact=True).count() == 0


def test_the_journey_page_says_what_ticks_each_step(page):
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/journey/")
    screenshot(page, "journey-ticks-itself-when")
    assert page.get_by_text("Ticks itself when: At least 5 assets of at least 2 kinds").is_visible()
