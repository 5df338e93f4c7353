"""Browser smoke test: headless Chromium signs in with a demo login and opens the main pages."""

from .conftest import sign_in


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
    # The click starts a navigation; wait for the area's page before looking at it.
    page.wait_for_url("**/areas/manningham-girlington/")
    assert page.get_by_role("heading", name="Our focus issue").is_visible()
