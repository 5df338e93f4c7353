"""Browser: the co-ordinator opens a capability analysis, a member rates the partnership, the
co-ordinator reads the ratings and agrees them; the reviews show side by side; the impact
report opens; the review page fits a phone."""

from .conftest import PHONE, open_page, screenshot, sign_in

AREAS = [
    "Common agenda",
    "Shared measurement",
    "Mutually reinforcing activities",
    "Continuous communication",
    "Backbone support",
    "Community voice and leadership",
]
REVIEW = "/partnerships/keighley/review/"


def choose(page, area, answer):
    page.locator(".govuk-form-group", has_text=area).get_by_label(answer).first.check()


def test_coordinator_opens_member_rates_coordinator_agrees(browser):
    coordinator = open_page(browser)
    sign_in(coordinator, "coordinator@example.org")
    coordinator.goto(coordinator.base_url + REVIEW)
    coordinator.get_by_role("link", name="Open a capability analysis").click()
    coordinator.get_by_label("Academic year").fill("2024/25")
    coordinator.get_by_role("button", name="Open it for ratings").click()
    coordinator.wait_for_url("**/review/capability/*/")
    review_url = coordinator.url

    member = open_page(browser)
    sign_in(member, "headteacher@example.org")
    member.goto(review_url)
    member.get_by_role("link", name="Rate the partnership").click()
    for area in AREAS:
        choose(member, area, "Amber: partly in place")
    member.get_by_label("Why you gave Common agenda this rating (optional)").fill(
        "We share the plan; two partners still to sign up."
    )
    screenshot(member, "review-rate")
    member.get_by_role("button", name="Save my ratings").click()
    member.wait_for_url(review_url)
    assert member.get_by_text("Your ratings are saved.").is_visible()

    coordinator.goto(review_url)
    ratings = coordinator.locator("#ratings").inner_text()
    assert "We share the plan; two partners still to sign up." in ratings
    coordinator.get_by_role("link", name="Agree the partnership's ratings").click()
    assert coordinator.get_by_text("Most common: Amber.").first.is_visible()
    for area in AREAS:
        choose(coordinator, area, "Green: in place")
        coordinator.get_by_label(f"The reason for the rating of {area}").fill(
            "Agreed at the meeting."
        )
    screenshot(coordinator, "review-agree")
    coordinator.get_by_role("button", name="Agree these ratings").click()
    coordinator.wait_for_url("**" + REVIEW)
    table = coordinator.locator("#side-by-side")
    headers = table.locator("thead th").all_inner_texts()
    assert [h.split("\n")[0] for h in headers[1:]] == ["2022/23", "2023/24", "2024/25"]
    assert "Green" in table.locator("tbody tr").first.inner_text()
    screenshot(coordinator, "review-side-by-side")

    coordinator.get_by_role("link", name="Impact report 2023/24").click()
    assert coordinator.get_by_role("heading", name="Our impact in 2023/24").is_visible()
    assert coordinator.get_by_role("heading", name="Capability analysis").is_visible()
    screenshot(coordinator, "review-report")


def test_the_review_page_fits_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + REVIEW)
    assert page.get_by_role("heading", name="Review and learn").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "review-phone")
    assert width <= PHONE["width"]


def test_review_pages_are_accessible_and_fit_the_screen(browser):
    # The whole-site walk (test_every_page.py) for this app's pages only, so it runs quickly.
    from tests.url_tables import review

    from .test_every_page import demo_world, walk

    visited, problems = walk(browser, demo_world(), only=set(review.URLS))
    assert len(visited) >= 15, (visited, problems)
    assert problems == [], "\n".join(problems)
