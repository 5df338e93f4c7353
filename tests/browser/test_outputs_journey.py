"""Browser: the research partner uploads a table from the Keighley linkage project and submits it
to two checkers; each decides blind to the other, on a phone; the second releases it; the
co-ordinator embeds it in the Keighley Statement of Intent, where every count is a multiple of
5 and at least 10 (a small count shows as [c])."""

import re

from actlocally.linkage.models import LinkageProject

from .conftest import PHONE, open_page, screenshot, sign_in

TITLE = "Dental-reason absence by school phase, Keighley (browser test, illustrative)"
CSV = (
    "Phase,Missed a session for dental reasons,No dental-reason absence\n"
    "Primary,212,4843\n"
    "Secondary,148,3622\n"
    "Special,7,94\n"
)


def submit_as_analyst(browser, project):
    page = open_page(browser)
    sign_in(page, "researcher@example.org")
    page.goto(page.base_url + f"/outputs/project/{project.pk}/")
    page.get_by_role("link", name="Upload a table for checking").click()
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("What the table shows").fill("Children on roll, 2023/24. Illustrative.")
    page.get_by_label("The table, as CSV").set_input_files(
        files=[{"name": "dental.csv", "mimeType": "text/csv", "buffer": CSV.encode()}]
    )
    page.get_by_role("button", name="Check the table").click()
    table = page.locator("#checked-table").inner_text()
    # Special's 7 is withheld, and the next-smallest cell of its row with it.
    assert "[c]" in table and "210" in table
    screenshot(page, "outputs-checked-table")
    page.get_by_label("Grace Whitaker").check()
    page.get_by_label("Imran Siddiqui").check()
    page.get_by_role("button", name="Submit for checking").click()
    assert page.get_by_text("is submitted to two checkers").is_visible()
    return page


def decide_on_a_phone(browser, email, *, release=False):
    phone = open_page(browser, PHONE)
    sign_in(phone, email)
    phone.goto(phone.base_url + "/outputs/checking/")
    phone.get_by_role("link", name=TITLE).click()
    phone.get_by_label("Approve for release").check()
    phone.get_by_role("button", name="Record my decision").click()
    assert phone.get_by_text("Your decision is recorded.").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name=TITLE).click()
    return phone


def test_two_checkers_release_a_table_that_becomes_evidence(browser):
    project = LinkageProject.objects.get(partnership__slug="keighley")
    submit_as_analyst(browser, project)

    first = decide_on_a_phone(browser, "checker.one@example.org")
    # Blind: the first checker sees only their own decision while the other is waiting.
    assert first.locator("#blind").is_visible()
    assert "Imran Siddiqui" not in first.locator("main").inner_text()
    screenshot(first, "outputs-blind-phone")

    second = decide_on_a_phone(browser, "checker.two@example.org")
    assert "Grace Whitaker" in second.locator("#decisions").inner_text()
    second.get_by_role("button", name="Release the table").click()
    assert second.get_by_text("is released.").is_visible()
    screenshot(second, "outputs-released-phone")

    page = open_page(browser)
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/statement-of-intent/new-draft/")
    page.get_by_role("button", name="Start the new draft").click()
    page.get_by_role("link", name="Embed an indicator").click()
    page.get_by_label("Indicator").select_option(label=TITLE)
    page.get_by_role("button", name="Save").click()
    figure = page.locator("figure", has_text=TITLE).inner_text()
    screenshot(page, "outputs-in-statement")
    shown = figure.split("How it was checked")[0]
    counts = [int(n) for n in re.findall(r":\s*(\d+)", shown)]
    assert counts and all(n % 5 == 0 and n >= 10 for n in counts)
    assert "[c]" in shown
