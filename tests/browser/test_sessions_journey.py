"""A partnership member signed in on a phone and a laptop signs the phone out from the laptop's
profile page; the phone's next page is the sign-in page, saying why."""

from .conftest import screenshot, sign_in

HEADTEACHER = "headteacher@example.org"


def test_signing_out_of_every_other_device(page, phone):
    phone.goto(phone.base_url + "/accounts/login/")
    phone.get_by_label("Keep me signed in on this device").check()
    screenshot(phone, "csp-sign-in-phone")
    phone.get_by_label("Email").fill(HEADTEACHER)
    phone.get_by_label("Password").fill("actlocally-demo")
    phone.get_by_role("button", name="Sign in").click()
    phone.wait_for_url("**/dashboard/")
    sign_in(page, HEADTEACHER)

    page.goto(page.base_url + "/accounts/profile/")
    page.get_by_role("button", name="Sign out of every other device").click()
    page.get_by_text("You have been signed out of 1 other device.").wait_for()
    screenshot(page, "csp-signed-out-elsewhere")

    phone.goto(phone.base_url + "/dashboard/")
    phone.get_by_text("someone chose “Sign out of every other device”").wait_for()
    screenshot(phone, "csp-phone-signed-out")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
