"""The API's OpenAPI description is valid and complete, and its docs page loads nothing from
another host."""

import re
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.urls import reverse
from openapi_spec_validator import validate

from .test_url_access import all_url_names


@pytest.fixture
def schema(client, db):
    response = client.get(reverse("api:schema"))
    assert response.status_code == 200
    return yaml.safe_load(response.content)


def test_schema_is_valid_openapi(schema):
    validate(schema)  # raises on any error
    assert schema["openapi"].startswith("3.")


def test_schema_generates_without_warnings(tmp_path):
    # --fail-on-warn: a field drf-spectacular cannot type, or a clash of names, fails here.
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yaml"))


def test_schema_describes_every_v1_endpoint(schema):
    v1 = {
        name
        for name in all_url_names()
        if name.startswith("api:")
        and name
        not in {
            "api:schema",
            "api:docs",
        }
    }
    paths = {path.replace("{slug}", "keighley").replace("{id}", "1") for path in schema["paths"]}
    for name in v1:
        kwargs = {"slug": "keighley"} if name != "api:partnerships" else {}
        if name in ("api:action", "api:action_progress", "api:indicator_data"):
            kwargs["pk"] = 1
        assert reverse(name, kwargs=kwargs) in paths


def test_schema_offers_bearer_tokens_and_the_session(schema):
    schemes = schema["components"]["securitySchemes"]
    assert schemes["personalApiToken"] == {
        "type": "http",
        "scheme": "bearer",
        "description": schemes["personalApiToken"]["description"],
    }
    assert "cookieAuth" in schemes


def test_action_filters_are_documented(schema):
    parameters = {
        p["name"]
        for p in schema["paths"]["/api/v1/partnerships/{slug}/actions/"]["get"]["parameters"]
    }
    assert {"status", "owner", "due_from", "due_until", "focus_issue", "page"} <= parameters


EXTERNAL = re.compile(r"""(?:https?:)?//[^/"'\s]+""")


def test_docs_page_refers_to_no_other_host(client, db):
    response = client.get(reverse("api:docs"))
    assert response.status_code == 200
    html = response.content.decode()
    soup = BeautifulSoup(html, "html.parser")
    addresses = [
        element.get(attribute)
        for element in soup.find_all(True)
        for attribute in ("src", "href")
        if element.get(attribute)
    ]
    assert addresses, "the page loads its assets"
    for address in addresses:
        assert not urlparse(address).netloc, f"{address} is on another host"
    for script in soup.find_all("script"):
        assert EXTERNAL.findall(script.get_text()) == []


def test_docs_assets_are_vendored_static_files(client, db):
    soup = BeautifulSoup(client.get(reverse("api:docs")).content, "html.parser")
    for tag in soup.find_all(["script", "link"]):
        address = tag.get("src") or tag.get("href")
        # The page's own script comes from the page's address (?script): no inline script (CSP).
        if address and not address.startswith(reverse("api:docs") + "?script"):
            assert address.startswith("/static/")
            assert finders.find(address.removeprefix("/static/")), f"{address} is not vendored"


def test_docs_turn_off_the_swagger_validator_badge(client, db):
    script = client.get(reverse("api:docs") + "?script").content.decode()
    assert '"validatorUrl": null' in script
