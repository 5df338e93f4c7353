"""Browser: a board member signs in, follows the link from their dashboard to the board
dashboard and reads every Bradford partnership's phase, focus issue and indicators on a phone."""

from .conftest import PHONE, open_page, screenshot, sign_in


def test_a_board_member_reads_the_board_dashboard_on_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "board@example.org")
    page.goto(page.base_url + "/dashboard/")
    page.get_by_role("link", name="Board dashboard for Bradford").click()
    page.wait_for_url("**/local-authorities/E08000032/board/")
    assert page.get_by_role("heading", name="Board dashboard").is_visible()
    keighley = page.locator("section.govuk-summary-card", has_text="Act Locally: Keighley")
    text = keighley.inner_text()
    assert "Tackling food insecurity" in text
    assert "Phase " in text
    assert "Pupils absent for dental reasons" in text
    assert "Healthy Start take-up" in text
    assert "Illustrative" in text
    assert "than Bradford" in text
    holme_wood = page.locator("section.govuk-summary-card", has_text="Act Locally: Holme Wood")
    assert "Young people's contacts with the police" in holme_wood.inner_text()
    width = page.evaluate("document.documentElement.scrollWidth")
    keighley.scroll_into_view_if_needed()
    screenshot(page, "board-dashboard-phone")
    assert width <= PHONE["width"]


def test_the_board_pages_are_accessible_and_fit_the_screen(browser):
    from .test_every_page import demo_world, walk

    visited, problems = walk(
        browser, demo_world(), only={"board_dashboard", "local_authority", "dashboard"}
    )
    assert sorted(visited) == ["board_dashboard", "dashboard", "local_authority"]
    assert problems == [], "\n".join(problems)
