"""Browser: an applicant attaches a document on a 375px phone (a disguised file refused) and sees
what is already funded or offered; the co-ordinator asks for a clarification of one answer; the
applicant changes only that answer and sends it back; on the published demo round the
co-ordinator plans and records a payment, and the public page offers the 360Giving spreadsheet."""

from .conftest import PHONE, open_page, screenshot, sign_in

OPEN_ROUND = "Keighley Food and Families Fund 2030 (illustrative)"
PUBLISHED_ROUND = "Keighley Healthy Holidays Fund 2024 (illustrative)"
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def apply_with_a_document(browser):
    phone = open_page(browser, PHONE)
    sign_in(phone, "applicant.cooking@example.org")
    phone.goto(phone.base_url + "/community-budget/")
    phone.get_by_role("link", name=OPEN_ROUND).click()
    phone.get_by_role("link", name="Start your application").click()
    assert phone.get_by_role("heading", name="Already funded or offered in the area").is_visible()
    assert phone.locator("#earlier-awards").get_by_text("Holiday lunch and play club").is_visible()
    screenshot(phone, "grants-already-funded-phone")
    phone.get_by_label("Name of your organisation").fill(
        "Aire Valley Family Kitchen (illustrative)"
    )
    phone.get_by_label("Registered charity").check()
    phone.get_by_label("Name of your project").fill("Cook together in winter")
    phone.get_by_label("How much are you asking for?").fill("2500")
    phone.get_by_role("button", name="Save and continue").click()
    for name in ("What will you do, and for whom?", "How does it add to what is already"):
        phone.get_by_role("link", name=f"Answer {name}").click()
        phone.get_by_label("Your answer").fill("Cooking sessions for families near the school.")
        phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_role("link", name="Attach or remove documents").click()
    phone.get_by_label("Attach a document").set_input_files(
        {"name": "budget.pdf", "mimeType": "application/pdf", "buffer": b"<html>not a pdf"}
    )
    phone.get_by_role("button", name="Attach the document").click()
    assert phone.get_by_text("is not the kind of file its name says").first.is_visible()
    phone.get_by_label("Attach a document").set_input_files(
        {"name": "budget.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    phone.get_by_role("button", name="Attach the document").click()
    assert phone.get_by_text("The document is attached.").is_visible()
    screenshot(phone, "grants-documents-phone")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name="Back to check your answers").click()
    phone.get_by_role("button", name="Submit your application").click()
    assert phone.get_by_text("Your application is submitted.").is_visible()
    return phone


def test_documents_clarification_and_payment(browser):
    phone = apply_with_a_document(browser)

    page = open_page(browser)
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/community-budget/")
    page.get_by_role("link", name=OPEN_ROUND).click()
    page.get_by_role("link", name="Submitted applications").click()
    page.get_by_role("link", name="Cook together in winter").click()
    assert page.get_by_role("link", name="budget.pdf").is_visible()
    page.get_by_role("link", name="Ask the applicant for a clarification instead").click()
    page.get_by_label("What will you do, and for whom?").check()
    page.get_by_label("What should they clarify?").fill("Which school, and how many families?")
    page.get_by_role("button", name="Ask for the clarification").click()
    assert page.get_by_text("The clarification is asked").is_visible()

    phone.reload()
    assert phone.get_by_text("Which school, and how many families?").first.is_visible()
    assert phone.get_by_role("link", name="Change How does it add").count() == 0
    phone.get_by_role("link", name="Change What will you do, and for whom?").click()
    phone.get_by_label("Your answer").fill("Sessions at Nessfield school for twelve families.")
    phone.get_by_role("button", name="Save and continue").click()
    screenshot(phone, "grants-clarification-phone")
    phone.get_by_role("button", name="Send your clarified application").click()
    assert phone.get_by_text("Your clarified application is sent").is_visible()

    page.goto(page.base_url + "/partnerships/keighley/community-budget/")
    page.get_by_role("link", name=PUBLISHED_ROUND).click()
    page.get_by_role("link", name="Awards, agreements and payments").click()
    page.get_by_role("link", name="Cook and eat together").click()
    page.get_by_label("Amount of the payment").fill("1000")
    page.get_by_label("Due on").fill("2024-05-01")
    page.get_by_role("button", name="Plan the payment").click()
    assert page.get_by_text("The payment is planned.").is_visible()
    page.get_by_label("Paid on").fill("2024-05-03")
    page.get_by_role("button", name="Record it as paid").click()
    assert page.get_by_text("The payment is recorded as made.").is_visible()
    screenshot(page, "grants-award-payments")

    page.goto(page.base_url + "/partnerships/keighley/community-budget/")
    page.get_by_role("link", name=PUBLISHED_ROUND).click()
    page.get_by_role("link", name="The round's public page").click()
    assert page.get_by_role("link", name="Spreadsheet (XLSX)").is_visible()
    assert page.get_by_role("link", name="Spreadsheet (CSV)").is_visible()
