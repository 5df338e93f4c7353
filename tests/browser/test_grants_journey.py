"""Browser: a co-ordinator starts and opens a funding round; an applicant applies on a 375px
phone (a too-long answer refused, then submitted); the co-ordinator checks eligibility and starts
the scoring; a panellist declares no conflict and scores it, blind until then."""

from .conftest import PHONE, open_page, screenshot, sign_in

ROUND = "Browser test fund (illustrative)"


def start_round(page):
    page.goto(page.base_url + "/partnerships/keighley/community-budget/rounds/new/")
    page.get_by_label("Name of the round").fill(ROUND)
    page.get_by_label("What the round is for").fill("Holiday food for Keighley children.")
    page.get_by_label("Budget").fill("10000")
    page.get_by_label("Smallest grant").fill("500")
    page.get_by_label("Largest grant").fill("5000")
    page.get_by_label("Yes, partial awards are allowed").check()
    page.get_by_label("Constituted community group").check()
    page.get_by_label("Opens on").fill("2026-01-01")
    page.get_by_label("Deadline: day").fill("2030-12-01")
    page.get_by_label("Deadline: time").fill("12:00")
    page.get_by_label("Panel meeting").fill("2030-12-10")
    page.get_by_label("Decision by").fill("2030-12-20")
    page.get_by_role("button", name="Save the draft round").click()
    page.get_by_role("link", name="Add a question").click()
    page.get_by_label("Question", exact=True).fill("Who will come?")
    page.get_by_label("Word limit").fill("5")
    page.get_by_role("button", name="Add the question").click()
    page.get_by_role("link", name="Add a scoring criterion").click()
    page.get_by_label("Criterion", exact=True).fill("Meets local needs")
    page.get_by_label("Weight").fill("2")
    page.get_by_role("button", name="Add the criterion").click()
    page.get_by_role("link", name="Open the round for applications").click()
    page.get_by_role("button", name="Open the round for applications").click()
    assert page.get_by_text("is open for applications.").is_visible()
    return page.url


def apply_on_a_phone(browser):
    phone = open_page(browser, PHONE)
    sign_in(phone, "applicant.foodclub@example.org")
    phone.goto(phone.base_url + "/community-budget/")
    phone.get_by_role("link", name=ROUND).click()
    phone.get_by_role("link", name="Start your application").click()
    phone.get_by_label("Name of your organisation").fill("Park Lane Lunch Club (illustrative)")
    phone.get_by_label("Constituted community group").check()
    phone.get_by_label("Name of your project").fill("Easter lunch club")
    phone.get_by_label("How much are you asking for?").fill("2000")
    phone.get_by_role("button", name="Save and continue").click()
    phone.get_by_role("link", name="Answer Who will come?").click()
    phone.get_by_label("Your answer").fill("Children from the three schools nearby")
    phone.get_by_role("button", name="Save and continue").click()
    assert phone.get_by_text("it must be 5 words or fewer").first.is_visible()
    screenshot(phone, "grants-answer-too-long-phone")
    phone.get_by_label("Your answer").fill("Children from nearby schools")
    phone.get_by_role("button", name="Save and continue").click()
    screenshot(phone, "grants-check-answers-phone")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("button", name="Submit your application").click()
    assert phone.get_by_text("Your application is submitted.").is_visible()


def test_a_round_from_opening_to_a_panellists_scores(browser):
    page = open_page(browser)
    sign_in(page, "coordinator@example.org")
    round_url = start_round(page)
    page.get_by_role("link", name="The panel").click()
    page.get_by_label("Their email address").fill("headteacher@example.org")
    page.get_by_role("button", name="Add to the panel").click()
    assert page.get_by_text("They are on the panel.").is_visible()

    apply_on_a_phone(browser)

    page.goto(round_url)
    page.get_by_role("link", name="Close the round").click()
    page.get_by_role("button", name="Close the round").click()
    page.get_by_role("link", name="Submitted applications").click()
    page.get_by_role("link", name="Easter lunch club").click()
    page.get_by_label("Yes, it is eligible").check()
    page.get_by_label("Reason").fill("A community group in Keighley.")
    page.get_by_role("button", name="Record the eligibility check").click()
    page.goto(round_url)
    page.get_by_role("link", name="Start the panel's scoring").click()
    page.get_by_role("button", name="Start the panel's scoring").click()
    assert page.get_by_text("The panel can now score").is_visible()

    panellist = open_page(browser)
    sign_in(panellist, "headteacher@example.org")
    panellist.goto(
        round_url.replace(
            "/partnerships/keighley/community-budget/rounds/", "/community-budget/panel/"
        )
    )
    panellist.get_by_role("link", name="Easter lunch club").click()
    panellist.get_by_label("No", exact=True).check()
    panellist.get_by_role("button", name="Continue").click()
    panellist.get_by_label("4: well").check()
    panellist.get_by_role("button", name="Submit your scores").click()
    assert panellist.get_by_text("Your scores are submitted.").is_visible()
    scores = panellist.locator("#scores").inner_text()
    screenshot(panellist, "grants-panel-after-scoring")
    assert "4.0" in scores
