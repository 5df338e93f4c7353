"""The Area tab with the demo's Bradford data: England's column is filled from the England-wide
files, and every score says what it is."""

from .conftest import screenshot, sign_in


def test_the_area_tab_compares_with_england_and_says_what_each_number_is(page):
    sign_in(page, "backbone@example.org")
    page.goto(page.base_url + "/partnerships/holme-wood/area/?release=IoD2025")
    screenshot(page, "desktop-area-facts-iod2025")
    rows = page.locator("table:has(caption:text('Deprivation by domain')) tbody tr")
    england = rows.locator("td:nth-child(4)").all_inner_texts()
    assert england and all(cell.strip() not in ("", "–") for cell in england)
    assert "% of people who are income-deprived" in rows.nth(1).inner_text()
