"""The Content-Security-Policy in a real browser: an injected inline handler is refused (and the
suite notices, as it would on any page), and the API's Swagger UI works under its own policy."""

from .conftest import screenshot


def test_an_injected_inline_handler_is_refused_and_the_suite_sees_it(browser, page):
    page.goto("/")
    page.evaluate(
        """document.body.insertAdjacentHTML('beforeend',
            '<img src="/static/actlocally/favicon.svg" onload="document.title = \\'owned\\'">')"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    refused, browser.csp_violations[:] = list(browser.csp_violations), []
    assert page.title() != "owned"
    assert any("script-src-attr" in violation for violation in refused), refused


def test_the_api_documentation_works_under_its_policy(page):
    page.goto("/api/docs/")
    page.get_by_role("heading", name="Act Locally API").wait_for()
    screenshot(page, "csp-api-docs")
    assert page.locator(".opblock").count() > 0
