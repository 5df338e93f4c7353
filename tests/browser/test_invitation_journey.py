"""Browser journey: a co-ordinator invites a new person, who opens the email's link on their own
browser, creates an account and lands in the partnership as a member."""

import re

from django.core import mail

from .conftest import PHONE, open_page, screenshot, sign_in


def test_new_person_accepts_an_invitation_by_signing_up(page, browser):
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + "/partnerships/keighley/members/")
    page.get_by_role("link", name="Invite someone").click()
    page.get_by_label("Full name").fill("Priya Shah")
    page.get_by_label("Email address").fill("priya.shah@example.org")
    page.get_by_label("Community representative").check()
    screenshot(page, "invitation-1-coordinator-invites")
    page.get_by_role("button", name="Send invitation").click()
    assert page.get_by_text("We have emailed an invitation to priya.shah@example.org.").is_visible()
    screenshot(page, "invitation-2-invitation-sent")

    # The live server runs in this process with the in-memory mail backend.
    email = next(m for m in mail.outbox if m.to == ["priya.shah@example.org"])
    link = re.search(r"https?://\S+/invitations/\S+/", email.body).group(0)

    newcomer = open_page(browser, PHONE)
    newcomer.goto(link)
    assert newcomer.get_by_role("heading", name="Join Act Locally: Keighley").is_visible()
    screenshot(newcomer, "invitation-3-newcomer-opens-link")
    newcomer.get_by_role("link", name="Create your account").click()
    assert newcomer.get_by_label("Email").input_value() == "priya.shah@example.org"
    newcomer.get_by_label("Full name").fill("Priya Shah")
    newcomer.get_by_label("Password", exact=True).fill("river-kestrel-lantern")
    newcomer.get_by_label("Password (again)").fill("river-kestrel-lantern")
    screenshot(newcomer, "invitation-4-newcomer-signs-up")
    newcomer.get_by_role("button", name="Create account").click()

    newcomer.wait_for_url("**/partnerships/keighley/")
    assert newcomer.get_by_text("You have joined Act Locally: Keighley").is_visible()
    screenshot(newcomer, "invitation-5-newcomer-in-the-partnership")
    newcomer.goto(newcomer.base_url + "/partnerships/keighley/members/")
    row = newcomer.get_by_role("row", name=re.compile("Priya Shah"))
    assert row.get_by_text("Community representative").is_visible()
    screenshot(newcomer, "invitation-6-newcomer-on-members-page")


def test_sign_up_without_an_invitation_says_how_to_get_one(page):
    page.goto(page.base_url + "/accounts/signup/")
    assert page.get_by_role(
        "heading", name="You need an invitation to create an account"
    ).is_visible()
    screenshot(page, "invitation-7-sign-up-closed")
