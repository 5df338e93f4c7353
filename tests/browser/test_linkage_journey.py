"""Browser: Keighley's research partner starts a linkage project, loads synthetic extracts (a
malformed one refused with its rows named), links them in the background, reads the quality
report and the dental-absence analysis, and submits the table for output checking."""

from actlocally.linkage.synth.generate import generate, write

from .conftest import PHONE, open_page, screenshot, sign_in


def test_a_linkage_project_from_extracts_to_output_checking(browser, tmp_path):
    write(generate(600, seed=5), tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "record_id,first_name,last_name,date_of_birth,sex,postcode,contact_count,"
        "youth_justice_outcome\nP1,Ali,Khan,2012-31-01,M,BD21 1AA,2,none\n"
    )
    page = open_page(browser)
    sign_in(page, "researcher@example.org")
    page.goto(page.base_url + "/connected-data/")
    page.get_by_role("link", name="Start a linkage project").click()
    page.get_by_label("Title").fill("Dental absence in Keighley (synthetic)")
    page.get_by_label("Approved purpose").fill("Understand dental-reason absence.")
    page.get_by_label("Data-sharing basis").fill("Synthetic data only.")
    page.get_by_label("End date").fill("2030-12-31")
    page.get_by_role("button", name="Start the project").click()
    assert page.get_by_text("You are its first analyst.").is_visible()
    project_url = page.url

    page.get_by_role("link", name="Load an extract").click()
    page.get_by_label("Which extract is it?").select_option("police")
    page.get_by_label("CSV file").set_input_files(str(bad))
    page.get_by_role("button", name="Check and load").click()
    assert page.locator("#extract-errors").get_by_text("date_of_birth").first.is_visible()
    screenshot(page, "linkage-extract-refused")

    for dataset, name in [
        ("school_census", "school_census.csv"),
        ("health", "health.csv"),
        ("attendance", "attendance.csv"),
        ("ground_truth", "truth/ground_truth.csv"),
    ]:
        page.goto(project_url)
        page.get_by_role("link", name="Load an extract").click()
        page.get_by_label("Which extract is it?").select_option(dataset)
        page.get_by_label("CSV file").set_input_files(str(tmp_path / name))
        page.get_by_role("button", name="Check and load").click()
        assert page.get_by_text("rows loaded and pseudonymised").is_visible()

    page.get_by_role("link", name="Link the extracts").click()
    page.get_by_role("button", name="Start linking").click()
    page.get_by_role("link", name="Read the linkage quality report").click()
    assert page.get_by_text("Match rate by name group").is_visible()
    screenshot(page, "linkage-quality-report")

    page.goto(project_url)
    page.get_by_role("link", name="Dental-reason absence and dental registration").click()
    page.get_by_label("Area").select_option("bradford")
    page.get_by_role("button", name="Show").click()
    assert page.locator("#result").is_visible()
    page.get_by_role("button", name="Submit for output checking").click()
    assert "/outputs/" in page.url
    screenshot(page, "linkage-output-draft")

    phone = open_page(browser, PHONE)
    sign_in(phone, "researcher@example.org")
    phone.goto(project_url.replace(page.base_url, phone.base_url) + "quality/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(phone, "linkage-quality-phone")
