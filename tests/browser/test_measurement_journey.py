"""Browser: the research partner uploads indicator data with mistakes, reads the report of every
row to fix (nothing saved), uploads a corrected file and sees the comparison with Bradford."""

from .conftest import PHONE, open_page, screenshot, sign_in

HEADER = "indicator,period,area code,numerator,denominator,value,note"
BAD = "\n".join(
    [
        HEADER,
        "dental-absence,2024-26,area,150,2500,,",
        "dental-absence,2024/25,E08000032,-5,93400,,",
    ]
).encode()
GOOD = "\n".join(
    [
        HEADER,
        "dental-absence,2024/25,area,150,2500,,Illustrative",
        "dental-absence,2024/25,E08000032,2900,93400,,Illustrative",
    ]
).encode()


def upload(page, data: bytes):
    page.goto(page.base_url + "/partnerships/keighley/measurement/data/upload/")
    page.set_input_files(
        "input[type=file]", files=[{"name": "dental.csv", "mimeType": "text/csv", "buffer": data}]
    )
    page.get_by_role("button", name="Upload and check").click()


def test_research_partner_fixes_a_refused_upload_and_sees_the_comparison(browser):
    page = open_page(browser)
    sign_in(page, "researcher@example.org")
    upload(page, BAD)
    report = page.locator("#refused")
    assert "2 problems to fix. Nothing was saved." in report.inner_text()
    assert "two years in a row" in report.inner_text()
    assert "A count cannot be negative." in report.inner_text()
    screenshot(page, "measurement-upload-refused")
    upload(page, GOOD)
    page.wait_for_url("**/partnerships/keighley/measurement/")
    assert page.get_by_text("2 figures saved from dental.csv.").is_visible()
    card = page.locator(".govuk-summary-card", has_text="Pupils absent for dental reasons")
    assert "Latest (2024/25)" in card.inner_text()
    assert (
        "Worse than Bradford: the difference is bigger than chance would explain, at 95% "
        "confidence." in card.inner_text()
    )
    assert "Illustrative" in card.inner_text()
    screenshot(page, "measurement-indicators")


def test_the_indicators_page_fits_a_phone(browser):
    page = open_page(browser, PHONE)
    sign_in(page, "headteacher@example.org")
    page.goto(page.base_url + "/partnerships/keighley/measurement/")
    assert page.get_by_role("heading", name="Measurement").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "measurement-phone")
    assert width <= PHONE["width"]
