"""A research partner makes an API token on their phone, copies it once, and revokes it."""

import json
import urllib.request

from .conftest import PHONE, open_page, screenshot, sign_in


def test_make_use_and_revoke_a_token_on_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "researcher@example.org")
    page.goto(page.base_url + "/accounts/profile/")
    page.get_by_role("link", name="Make a new token").click()
    page.get_by_label("Name").fill("Attendance analysis")
    screenshot(page, "api-token-form-phone")
    page.get_by_role("button", name="Make the token").click()
    secret = page.get_by_label("Your new API token").input_value()
    assert secret.startswith("actl_")
    screenshot(page, "api-token-made-phone")

    request = urllib.request.Request(  # noqa: S310 (the test's own live server)
        page.base_url + "/api/v1/partnerships/", headers={"Authorization": f"Bearer {secret}"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        assert json.load(response)["count"] >= 1

    page.reload()
    assert page.get_by_label("Your new API token").count() == 0
    page.get_by_role("link", name="Revoke Attendance analysis").click()
    page.get_by_role("button", name="Revoke the token").click()
    assert page.get_by_text("has been revoked").is_visible()
    screenshot(page, "api-token-revoked-phone")
    # The page fits the phone: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_api_docs_load_everything_from_the_platform(browser):
    page = open_page(browser)
    sign_in(page, "researcher@example.org")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(page.base_url + "/api/docs/")
    page.get_by_text("/api/v1/partnerships/{slug}/actions/").first.wait_for()
    screenshot(page, "api-docs")
    assert requested
    assert [url for url in requested if not url.startswith(page.base_url)] == []
