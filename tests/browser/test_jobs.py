"""Browser test: a research partner uploads a deprivation file and watches the job finish; the
job's page and the notifications list fit a phone."""

from tests.test_places_importers import FILE1

from .conftest import PHONE, open_page, screenshot, sign_in


def test_deprivation_upload_shows_its_progress_and_finishes(browser, tmp_path):
    csv = tmp_path / "File_1_IoD2019.csv"
    csv.write_text(FILE1)
    for name, viewport in (("desktop", None), ("phone", PHONE)):
        page = open_page(browser, viewport) if viewport else open_page(browser)
        sign_in(page, "researcher@example.org")
        page.goto(page.base_url + "/places/upload/")
        page.get_by_label("English Indices of Deprivation").check()
        page.get_by_label("Release (deprivation only)").fill("IoD2019")
        page.get_by_label("Which LSOAs").select_option(label="2011 LSOAs")
        page.get_by_label("Files", exact=True).set_input_files(str(csv))
        page.get_by_role("button", name="Upload and import").click()
        page.wait_for_url("**/jobs/**")
        # The page polls (htmx) until the worker is done; here the task runs as it commits.
        page.get_by_text("100% done").wait_for()
        assert page.get_by_role("heading", name="What was done").is_visible()
        assert page.get_by_role("link", name="See the deprivation ranking").is_visible()
        screenshot(page, f"job-finished-{name}")
        page.goto(page.base_url + "/notifications/")
        screenshot(page, f"notifications-{name}")
        page.context.close()


def test_history_export_runs_as_a_job_and_downloads_for_its_owner(browser):
    page = open_page(browser)
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/history/")
    page.get_by_role("button", name="Make the whole history (CSV)").click()
    page.wait_for_url("**/jobs/**")
    page.get_by_text("100% done").wait_for()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the history (CSV)").click()
    assert download.value.suggested_filename.startswith("history-keighley-")
    assert download.value.path().read_text(encoding="utf-8-sig").startswith("when,who,action")
    job_url = page.url
    screenshot(page, "history-export-finished")
    page.context.close()

    # Someone else signed in gets nothing at the job's address or its file's.
    other = open_page(browser)
    sign_in(other, "headteacher@example.org")
    assert other.goto(job_url).status == 404
    assert other.goto(job_url + "download/").status == 404
    other.context.close()
