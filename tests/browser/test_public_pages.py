"""The public pages and the feedback form on a 375px phone."""

import pytest

from .conftest import screenshot

PAGES = ["accessibility", "privacy", "cookies", "help", "contact", "glossary", "feedback"]


@pytest.mark.parametrize("name", PAGES)
def test_public_page_fits_a_phone(phone, name):
    phone.goto(f"{phone.base_url}/{name}/")
    screenshot(phone, f"phone-{name}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375


def test_feedback_from_the_phase_banner_on_a_phone(phone):
    phone.goto(phone.base_url + "/glossary/")
    phone.get_by_role("link", name="Give feedback").click()
    phone.get_by_label("What were you trying to do?").fill("Look up IDACI")
    phone.get_by_label("How did it go?").fill("Found it")
    phone.get_by_role("button", name="Send feedback").click()
    assert phone.get_by_role("heading", name="Feedback sent").is_visible()
