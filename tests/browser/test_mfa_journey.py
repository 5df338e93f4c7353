"""Site staff on a phone: signing in without MFA leads to setting it up, then to the dashboard."""

from allauth.mfa.totp.internal import auth as totp

from .conftest import PHONE, open_page, screenshot


def code_for(secret: str) -> str:
    counter = next(totp.yield_hotp_counters_from_time())
    return totp.format_hotp_value(totp.hotp_value(secret, counter))


def test_site_staff_set_up_mfa_before_anything_else(browser, settings):
    settings.ACTLOCALLY_REQUIRE_MFA = True
    page = open_page(browser, PHONE)
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill("actlocally-demo")
    page.get_by_role("button", name="Sign in").click()
    page.goto(page.base_url + "/partnerships/")
    # Anywhere else leads to set-up; allauth first asks for the password once more.
    page.get_by_label("Password").fill("actlocally-demo")
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/accounts/2fa/totp/activate/")
    screenshot(page, "mfa-set-up-phone")
    secret = page.locator("#authenticator-secret").inner_text().strip()
    page.get_by_label("Authenticator code").fill(code_for(secret))
    page.get_by_role("button", name="Turn on").click()
    screenshot(page, "mfa-recovery-codes-phone")
    assert page.locator(".app-recovery-codes li").count() > 0
    page.get_by_role("link", name="Continue to your dashboard").click()
    page.wait_for_url("**/dashboard/")
