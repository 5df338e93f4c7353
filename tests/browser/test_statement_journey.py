"""Browser journey: a Statement of Intent for a new focus issue, from the co-ordinator agreeing
the focus issue through drafting, circulating, a member's comment, agreeing, a new draft,
comparing and the PDF and Word downloads."""

import io
import re
import zipfile

from django.utils import timezone
from playwright.sync_api import expect

from .conftest import open_page, screenshot, sign_in

NEW_FOCUS = "Getting ready for school"


def _download(page, link_name):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    download = info.value
    with open(download.path(), "rb") as file:
        return download.suggested_filename, file.read()


def test_statement_of_intent_from_a_new_focus_issue_to_exports(browser, page):
    coordinator = page
    sign_in(coordinator, "coordinator@example.org")

    # The co-ordinator moves the partnership on to a new focus issue.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/focus-issue/")
    coordinator.get_by_role("link", name="Move on to a new focus issue").click()
    coordinator.get_by_label("Focus issue", exact=True).fill(NEW_FOCUS)
    coordinator.get_by_label("What the data and local people say").fill(
        "Half of children in the area start school behind in speech and language."
    )
    coordinator.get_by_label("Intended outcomes").fill("More children ready for school")
    coordinator.get_by_label("Starts on").fill(timezone.localdate().isoformat())
    coordinator.get_by_role("button", name="Save").click()
    expect(coordinator.get_by_text("The focus issue has been set.")).to_be_visible()
    screenshot(coordinator, "statement-00-new-focus-issue")

    # Its Statement of Intent can be started from the Statement of Intent page.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/statement-of-intent/")
    screenshot(coordinator, "statement-01-start-offered")
    coordinator.get_by_role("link", name=f"Start the Statement of Intent for {NEW_FOCUS}").click()
    coordinator.get_by_role("button", name="Start the first draft").click()
    expect(coordinator.get_by_text("A first draft has been started")).to_be_visible()

    # Edit: add an agreed action with its lead organisation.
    coordinator.get_by_role("link", name="Change the agreed actions").click()
    coordinator.get_by_label("Action", exact=True).fill("Speech and language screening at two")
    coordinator.get_by_label("Lead organisation (optional)").select_option(index=1)
    coordinator.get_by_role("button", name="Save", exact=True).click()
    expect(coordinator.get_by_text("Agreed actions has been saved.")).to_be_visible()

    # Circulate for comment.
    coordinator.get_by_role("link", name="Circulate for comment").click()
    coordinator.get_by_role("button", name="Circulate for comment").click()
    expect(coordinator.get_by_text("Version 1 has been circulated for comment.")).to_be_visible()
    draft_url = coordinator.url.split("#")[0]
    screenshot(coordinator, "statement-02-circulated")

    # A member comments on the agreed actions, on a phone.
    member = open_page(browser, {"width": 375, "height": 740})
    sign_in(member, "headteacher@example.org")
    member.goto(draft_url)
    member.get_by_role("link", name="Comment on this section (Agreed actions)").click()
    expect(member.get_by_label("Agreed actions")).to_be_checked()
    member.get_by_label("Your comment").fill("Please add a breakfast club at every school.")
    member.get_by_role("button", name="Add your comment").click()
    expect(member.get_by_text("Your comment on “Agreed actions” has been added.")).to_be_visible()
    screenshot(member, "statement-03-member-commented-phone")

    # The co-ordinator marks it addressed, then records the agreement.
    coordinator.goto(draft_url)
    expect(coordinator.get_by_text("Please add a breakfast club at every school.")).to_be_visible()
    coordinator.get_by_role("button", name=re.compile(r"^Mark as addressed")).click()
    expect(coordinator.get_by_text("The comment is marked as addressed.")).to_be_visible()
    screenshot(coordinator, "statement-04-comment-addressed")
    coordinator.get_by_role("link", name="Record that it was agreed").click()
    coordinator.get_by_label("Date it was agreed").fill(timezone.localdate().isoformat())
    coordinator.get_by_label("Who agreed it").fill("The convening partnership")
    coordinator.get_by_role("button", name="Record that it was agreed").click()
    expect(coordinator.get_by_text("Version 1 is recorded as agreed.")).to_be_visible()
    screenshot(coordinator, "statement-05-agreed")

    # The agreed action is now in the action plan.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/actions/")
    expect(coordinator.get_by_text("Speech and language screening at two").first).to_be_visible()

    # A new draft, and what changed.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/statement-of-intent/")
    coordinator.get_by_role("link", name="Start a new draft").click()
    coordinator.get_by_role("button", name="Start the new draft").click()
    expect(
        coordinator.get_by_text("Version 2 has been started as a copy of version 1.")
    ).to_be_visible()
    coordinator.get_by_role("link", name="Change the desired outcomes").click()
    coordinator.get_by_label("Outcome", exact=True).last.fill("Fewer children with tooth decay")
    coordinator.get_by_role("button", name="Save", exact=True).click()
    coordinator.get_by_role("link", name="See what changed from the version before").click()
    expect(
        coordinator.get_by_role("heading", name="What changed from version 1 to version 2")
    ).to_be_visible()
    expect(coordinator.get_by_text("Fewer children with tooth decay")).to_be_visible()
    expect(coordinator.get_by_text("Please add a breakfast club at every school.")).to_be_visible()
    screenshot(coordinator, "statement-06-compare")

    # Downloads of the agreed version.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/statement-of-intent/")
    name, pdf = _download(coordinator, "Download PDF")
    assert name.endswith(".pdf") and pdf.startswith(b"%PDF") and len(pdf) > 1000
    name, docx = _download(coordinator, "Download Word document")
    assert name.endswith(".docx") and docx.startswith(b"PK")
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert "word/document.xml" in archive.namelist()
        assert b"Speech and language screening at two" in archive.read("word/document.xml")
