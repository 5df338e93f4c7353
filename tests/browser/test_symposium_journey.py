"""Browser journey: a learning symposium from a join code on two phones to agreed priorities.

The co-ordinator sets up a symposium and a join code; two guests on 375px phones join with the
code and add challenges; the co-ordinator merges two challenges by ticking them on the page, opens
the ranking; both phones rank; the co-ordinator closes the ranking and agrees the priorities; the
phones then see what was agreed, and a phone arriving late is told there is nothing left to do.
"""

import datetime
import re

from django.utils import timezone

from .conftest import PHONE, open_page, screenshot, sign_in

HUNGRY = "Children come to school hungry"
BREAKFAST = "Pupils arrive without breakfast"
TEETH = "Tooth decay keeps pupils off school"


def join(phone, code, *, name, role):
    phone.goto(phone.base_url + "/join/")
    phone.get_by_label("Enter the code shown at the event").fill(code)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_label("What should we call you? (optional)").fill(name)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_label(role).check()
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_role("button", name="Join the symposium").click()


def add_challenge(phone, text):
    phone.get_by_role("link", name=re.compile("^Add (a contribution|another)$")).click()
    phone.get_by_label("Challenge facing children here").check()
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_label("Challenge facing children here").fill(text)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_role("button", name="Add it").click()
    assert phone.get_by_text("Thank you. Your contribution has been added.").is_visible()


def rank(phone, places: dict[str, str]):
    phone.get_by_role("link", name="Refresh this page").click()
    phone.get_by_role("link", name="Rank the priorities").click()
    for title, number in places.items():
        phone.get_by_label(title).select_option(number)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_role("button", name="Submit my ranking").click()
    assert phone.get_by_text("Your ranking has been counted").first.is_visible()


def test_symposium_from_join_codes_on_two_phones_to_agreed_priorities(browser):
    coordinator = open_page(browser)
    sign_in(coordinator, "coordinator@example.org")

    # Set up the symposium for tomorrow morning and make a join code for the phones.
    coordinator.goto(coordinator.base_url + "/partnerships/keighley/symposia/")
    coordinator.get_by_role("link", name="Set up a symposium").click()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    coordinator.get_by_label("Title").fill("Keighley spring symposium")
    coordinator.get_by_label("Date and time").fill(f"{tomorrow:%Y-%m-%d}T10:00")
    coordinator.get_by_label("Venue").fill("Keighley Civic Centre")
    coordinator.get_by_role("button", name="Save").click()
    assert coordinator.get_by_text("The symposium has been set up.").is_visible()
    symposium_url = coordinator.url
    coordinator.get_by_role("link", name="Show the join code for phones").click()
    coordinator.get_by_role("button", name="Make a code").click()
    code = coordinator.locator(".app-join-code").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)
    screenshot(coordinator, "symposium-1-join-code")

    # Two guests join on their phones and add challenges.
    ayesha, ben = open_page(browser, PHONE), open_page(browser, PHONE)
    join(ayesha, code, name="Ayesha", role="Parent or carer")
    join(ben, code, name="", role="School or early years")
    add_challenge(ayesha, HUNGRY)
    add_challenge(ben, BREAKFAST)
    add_challenge(ben, TEETH)
    screenshot(ayesha, "symposium-2-phone-added")

    # The co-ordinator ticks the two that say the same thing, then makes the other a candidate.
    coordinator.goto(symposium_url)
    coordinator.get_by_role("link", name="Merge challenges into candidate priorities").click()
    coordinator.get_by_label(HUNGRY).check()
    coordinator.get_by_label(BREAKFAST).check()
    coordinator.get_by_label("Title of the candidate priority").fill("Hunger in the school day")
    screenshot(coordinator, "symposium-3-merge-ticked")
    coordinator.get_by_role("button", name="Merge into a candidate priority").click()
    assert coordinator.get_by_text(
        "Candidate priority “Hunger in the school day” created."
    ).is_visible()
    coordinator.get_by_label(re.compile("^" + TEETH)).check()
    coordinator.get_by_label("Title of the candidate priority").fill("Dental health")
    coordinator.get_by_role("button", name="Merge into a candidate priority").click()
    screenshot(coordinator, "symposium-4-candidates")

    coordinator.goto(symposium_url)
    coordinator.get_by_role("link", name="Open the ranking").click()
    coordinator.get_by_role("button", name="Open the ranking").click()
    assert coordinator.get_by_text("Ranking is open.").first.is_visible()

    # Both phones rank.
    rank(ayesha, {"Hunger in the school day": "1", "Dental health": "2"})
    rank(ben, {"Hunger in the school day": "1"})
    screenshot(ben, "symposium-5-phone-ranked")

    # The co-ordinator closes the ranking and agrees the priorities the count suggests.
    coordinator.goto(symposium_url)
    coordinator.get_by_role("link", name="Close the ranking and count").click()
    coordinator.get_by_role("button", name="Close the ranking and count").click()
    coordinator.goto(symposium_url)
    coordinator.get_by_role("link", name="Agree the priorities").click()
    assert coordinator.get_by_label("Most urgent: becomes the focus issue").input_value()
    coordinator.get_by_role("button", name="Agree these priorities").click()
    assert coordinator.get_by_text("The priorities have been agreed.").is_visible()
    screenshot(coordinator, "symposium-6-agreed")

    # The phones see what was agreed, most urgent first.
    for phone in (ayesha, ben):
        phone.reload()
        assert phone.get_by_role("heading", name="The priorities have been agreed").is_visible()
        items = phone.locator("ol.govuk-list--number li").all_inner_texts()
        assert items == ["Hunger in the school day", "Dental health"]
    screenshot(ayesha, "symposium-7-phone-sees-agreed")

    # A phone arriving now is not walked through questions with nothing to do.
    late = open_page(browser, PHONE)
    late.goto(late.base_url + "/join/")
    late.get_by_label("Enter the code shown at the event").fill(code)
    late.get_by_role("button", name="Continue").click()
    assert late.get_by_role("heading", name="Ranking has closed").is_visible()
    assert late.get_by_text("Hunger in the school day").is_visible()
    screenshot(late, "symposium-8-late-phone")
