"""Browser: a refused upload shows the GOV.UK error summary and the rows to fix, on a laptop and
on a phone, and the full report opens on request."""

from .conftest import PHONE, open_page, screenshot, sign_in

HEADER = (
    "URN,EstablishmentName,TypeOfEstablishment (name),PhaseOfEducation (name),"
    "EstablishmentStatus (name),Postcode,Easting,Northing,LSOA (code),"
    "DistrictAdministrative (code)"
)


def bad_schools_file() -> bytes:
    rows = [HEADER]
    for i in range(300):
        easting = "1e300" if i % 5 == 0 else "416000"
        rows.append(f"{200000 + i},School {i},Community school,Primary,Open,BD1,{easting},433000,,")
    return "\n".join(rows).encode()


def upload_bad_file(page):
    sign_in(page, "backbone@example.org")
    page.goto(page.base_url + "/places/upload/")
    page.get_by_label("Schools").check()
    page.set_input_files(
        "input[type=file]",
        files=[{"name": "gias.csv", "mimeType": "text/csv", "buffer": bad_schools_file()}],
    )
    page.get_by_role("button", name="Upload and import").click()


def test_a_refused_upload_lists_the_rows_to_fix(browser):
    page = open_page(browser)
    upload_bad_file(page)
    summary = page.locator(".govuk-error-summary")
    assert "nothing was changed" in summary.inner_text()
    assert "gias.csv, row 2, column “Easting”" in summary.inner_text()
    assert page.get_by_text("… and 10 more problems.").is_visible()
    page.get_by_text("Show all 60 problems").click()
    assert page.locator("details table tbody tr").count() == 60
    screenshot(page, "upload-refused")


def test_a_refused_upload_fits_a_phone(browser):
    page = open_page(browser, PHONE)
    upload_bad_file(page)
    assert page.locator(".govuk-error-summary").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    screenshot(page, "upload-refused-phone")
    assert width <= PHONE["width"]
