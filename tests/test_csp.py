"""Content-Security-Policy: the header on every page, no inline script, handler or style in our
templates, the Swagger UI page's own policy, and the report endpoint."""

import json
import logging
import re
from pathlib import Path

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

TEMPLATES = Path(__file__).resolve().parent.parent / "actlocally"
# Never served to a browser: e-mail is read in mail programs, which ignore style sheets (its
# styles are inline by design), and PDF exports (Statements, impact reports, subject access
# summaries) are typeset by WeasyPrint.
NOT_PAGES = (
    "notifications/templates/notifications/email.html",
    "statements/templates/statements/export/",
    "review/templates/review/report_pdf.html",
    "privacy/templates/privacy/export/",
)


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def page_templates():
    for path in sorted(TEMPLATES.rglob("*.html")):
        relative = path.relative_to(TEMPLATES).as_posix()
        if "static/vendor" not in relative and not relative.startswith(NOT_PAGES):
            yield relative, path.read_text()


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/accounts/login/", "/privacy/"])
def test_public_pages_carry_the_policy(client, url):
    directives = policy(client.get(url))
    assert directives["frame-ancestors"] == ["'none'"]


@pytest.mark.django_db
def test_signed_in_pages_carry_the_policy(client, world):
    client.force_login(world.people["coordinator"])
    assert "Content-Security-Policy" in client.get(reverse("dashboard"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("directive", "values"),
    [
        ("object-src", ["'none'"]),
        ("base-uri", ["'self'"]),
        ("form-action", ["'self'"]),
        ("style-src", ["'self'"]),
        ("report-uri", ["/csp-report/"]),
        ("report-to", ["csp"]),
    ],
)
def test_the_policy_says(client, directive, values):
    assert policy(client.get("/"))[directive] == values


@pytest.mark.django_db
def test_scripts_come_only_from_our_own_files_or_carry_the_pages_nonce(client):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", response.content.decode())
    assert inline == [f' nonce="{nonce}"']


@pytest.mark.django_db
def test_each_page_gets_a_new_nonce(client):
    first, second = client.get("/"), client.get("/")
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_report_endpoint_is_named_for_report_to(client):
    assert client.get("/")["Reporting-Endpoints"] == 'csp="http://testserver/csp-report/"'


@pytest.mark.parametrize(("name", "text"), list(page_templates()))
def test_no_template_has_an_inline_event_handler_or_style_attribute(name, text):
    assert not re.search(r"\s(on[a-z]+|style)\s*=", text), name


@pytest.mark.parametrize(("name", "text"), list(page_templates()))
def test_no_template_has_a_style_element(name, text):
    assert "<style" not in text, name


@pytest.mark.parametrize(("name", "text"), list(page_templates()))
def test_no_template_has_an_inline_script_without_the_nonce(name, text):
    for attributes in re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", text):
        assert 'nonce="{{ CSP_NONCE }}"' in attributes, name


@pytest.mark.django_db
def test_the_swagger_ui_page_alone_allows_inline_styles(client):
    assert "'unsafe-inline'" in policy(client.get(reverse("api:docs")))["style-src"]


@pytest.mark.django_db
def test_the_swagger_ui_page_has_no_inline_script(client):
    html = client.get(reverse("api:docs")).content.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []


@pytest.mark.django_db
def test_the_swagger_ui_script_is_served_from_its_own_address(client):
    response = client.get(reverse("api:docs") + "?script")
    assert response["Content-Type"].startswith("application/javascript")


# The report endpoint ------------------------------------------------------------------------------

REPORT_URI_BODY = {
    "csp-report": {
        "document-uri": "https://actlocally.example/partnerships/keighley/?q=Jane+Doe",
        "violated-directive": "script-src-elem",
        "blocked-uri": "inline",
        "source-file": "https://actlocally.example/partnerships/keighley/",
        "line-number": 12,
        "original-policy": "default-src 'self'",
    }
}
REPORT_TO_BODY = [
    {
        "type": "csp-violation",
        "age": 3,
        "url": "https://actlocally.example/",
        "body": {
            "documentURL": "https://actlocally.example/",
            "effectiveDirective": "style-src-attr",
            "blockedURL": "inline",
            "disposition": "enforce",
        },
    }
]


def post_report(client, body, content_type="application/csp-report"):
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(reverse("csp_report"), data, content_type=content_type)


def test_a_report_is_answered_204(client):
    assert post_report(client, REPORT_URI_BODY).status_code == 204


def test_a_report_is_logged_as_a_warning(client, caplog):
    with caplog.at_level(logging.WARNING, logger="actlocally.csp"):
        post_report(client, REPORT_URI_BODY)
    assert '"directive": "script-src-elem"' in caplog.records[0].getMessage()


def test_a_reported_address_is_logged_without_its_query_string(client, caplog):
    with caplog.at_level(logging.WARNING, logger="actlocally.csp"):
        post_report(client, REPORT_URI_BODY)
    assert "Jane" not in caplog.records[0].getMessage()


def test_a_reporting_api_batch_is_logged(client, caplog):
    with caplog.at_level(logging.WARNING, logger="actlocally.csp"):
        post_report(client, REPORT_TO_BODY, "application/reports+json")
    assert '"directive": "style-src-attr"' in caplog.records[0].getMessage()


def test_a_report_needs_no_csrf_token(client):
    client.handler.enforce_csrf_checks = True
    assert post_report(client, REPORT_URI_BODY).status_code == 204


def test_a_report_larger_than_the_limit_is_refused_unread(client, settings):
    settings.CSP_REPORT_MAX_BYTES = 100
    assert post_report(client, REPORT_URI_BODY).status_code == 413


def test_a_body_that_is_not_json_is_refused(client):
    assert post_report(client, b"\xff\xfe not json").status_code == 400


def test_get_is_not_allowed(client):
    assert client.get(reverse("csp_report")).status_code == 405


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=20), children, max_size=4)
    ),
    max_leaves=20,
)
reportish = st.fixed_dictionaries(
    {
        "csp-report": st.dictionaries(
            st.sampled_from(sorted(REPORT_URI_BODY["csp-report"])), json_values
        )
    }
) | st.lists(
    st.fixed_dictionaries(
        {
            "type": st.just("csp-violation"),
            "body": st.dictionaries(st.text(max_size=20), json_values),
        }
    ),
    max_size=12,
)


@given(body=st.binary(max_size=2000))
def test_any_bytes_are_answered_without_an_error(client, body):
    assert post_report(client, body).status_code in {204, 400}


@given(body=json_values | reportish)
def test_any_json_is_answered_without_an_error(client, body):
    # Encoded here: post_report sends a str as it is, and a JSON string is a JSON value too.
    response = post_report(client, json.dumps(body), "application/reports+json")
    assert response.status_code in {204, 413}
