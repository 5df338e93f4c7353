"""Browser test: on a phone, a co-ordinator finds an action from the partnership's search box."""

from .conftest import sign_in


def test_coordinator_finds_an_action_from_the_search_box_on_a_phone(phone):
    sign_in(phone, "coordinator@example.org")
    phone.goto(phone.base_url + "/partnerships/keighley/")
    phone.get_by_label("Search this partnership").fill("champions")
    phone.get_by_role("button", name="Search", exact=True).click()
    phone.wait_for_url("**/search/?q=champions")
    # The results page fits the phone: nothing to scroll sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    phone.get_by_role("link", name="Offer Healthy Start Champions training").click()
    heading = phone.get_by_role("heading", level=2).first
    assert "Healthy Start Champions" in heading.inner_text()
