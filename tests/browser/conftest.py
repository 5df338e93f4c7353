"""Browser fixtures: Debian's headless Chromium driven by Playwright against a live server.

With BROWSER_BASE_URL set, the browser drives that server instead (scripts/serve_smoke.sh: the
smoke test against `make serve` on PostgreSQL with a worker). That server holds the demo data
itself, and the tests touch no database of their own, so only tests that read nothing but the
pages (tests/browser/test_smoke.py) can run that way.
"""

import os
import shutil

import pytest
from django.core.management import call_command
from django.db import connection

from tests import dbsnapshot

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

BASE_URL = os.environ.get("BROWSER_BASE_URL", "").rstrip("/")

# Every page of every context reports each Content-Security-Policy violation to the test (an init
# script runs before the page's own; the binding outlives navigations), and the `browser` fixture
# fails the test at teardown if there was any (issue 14: no violation on any page).
REPORT_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.effectiveDirective);
  window.__cspViolation([event.documentURI, event.effectiveDirective, event.blockedURI,
    event.sourceFile + ":" + event.lineNumber, event.sample].join(" | "));
});
"""

DESKTOP = {"width": 1024, "height": 800}
PHONE = {"width": 375, "height": 740}


def pytest_collection_modifyitems(items):
    for item in items:
        if "/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            if not BASE_URL:
                # Serialized rollback puts back the blueprint steps the migrations loaded.
                item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))
            if not CHROMIUM and not os.environ.get("CI"):
                item.add_marker(
                    pytest.mark.skip(reason="Chromium is not installed (CI installs it)")
                )


# The seeded demo of each test database, taken the first time a test asks for it.
_DEMO_SNAPSHOTS = {}


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    database = connection.settings_dict["NAME"]
    if database in _DEMO_SNAPSHOTS:
        dbsnapshot.restore(_DEMO_SNAPSHOTS[database])
        return
    call_command("seed_demo", verbosity=0)
    _DEMO_SNAPSHOTS[database] = dbsnapshot.take()


@pytest.fixture
def browser(request):
    if BASE_URL:
        base_url = BASE_URL
    else:
        request.getfixturevalue("demo")
        base_url = request.getfixturevalue("live_server").url
    # Playwright's sync API runs an event loop in this thread; the ORM work is done by now.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        browser.base_url = base_url
        browser.csp_violations = watch_csp(browser)
        yield browser
        browser.close()
    assert browser.csp_violations == [], "Content-Security-Policy violations:\n" + "\n".join(
        browser.csp_violations
    )


def watch_csp(browser):
    """Every context this browser opens (open_page's and tests' own) records CSP violations."""
    found = []
    new_context = browser.new_context

    def watched_new_context(*args, **kwargs):
        context = new_context(*args, **kwargs)
        context.expose_binding("__cspViolation", lambda source, text: found.append(text))
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        return context

    browser.new_context = watched_new_context
    return found


def open_page(browser, viewport=DESKTOP):
    """A page in a context of its own: its own cookies, so two phones are two people."""
    context = browser.new_context(viewport=viewport, base_url=browser.base_url)
    page = context.new_page()
    page.base_url = browser.base_url
    return page


@pytest.fixture
def page(browser):
    return open_page(browser)


@pytest.fixture
def phone(browser):
    """A second person on a 375px phone."""
    return open_page(browser, PHONE)


def sign_in(page, email, password="actlocally-demo"):
    page.goto(page.base_url + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def screenshot(page, name):
    """Keep a picture of what the person saw, for a human to look at after a run."""
    folder = os.environ.get("BROWSER_SCREENSHOTS", "var/screenshots")
    os.makedirs(folder, exist_ok=True)
    page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)
