"""Error pages use the site's layout, say what happened in GOV.UK's words, and offer a way back."""

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse

from actlocally.core.views import server_error

LAYOUT = "govuk-service-navigation"


def assert_error_page(response, status, heading):
    content = response.content.decode()
    assert response.status_code == status
    assert f'<h1 class="govuk-heading-l">{heading}</h1>' in content
    assert LAYOUT in content and "govuk-footer" in content
    assert 'href="/"' in content or 'href="/dashboard/"' in content


@pytest.mark.django_db
def test_page_not_found(client):
    assert_error_page(client.get("/no-such-page/"), 404, "Page not found")


@pytest.mark.django_db
def test_page_not_found_offers_a_signed_in_person_their_partnerships(client, world):
    client.force_login(world.people["member"])
    response = client.get("/no-such-page/")
    assert "Go to your partnerships" in response.content.decode()


@pytest.mark.django_db
def test_permission_denied(client, world):
    client.force_login(world.people["member"])
    response = client.post(
        reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"}),
        {"status": "done"},
    )
    assert_error_page(response, 403, "You do not have permission to see this page")


@pytest.mark.django_db
def test_bad_request(client):
    # A Host header Django refuses is a 400 (SuspiciousOperation).
    response = client.get("/", HTTP_HOST="evil.example")
    assert_error_page(response, 400, "Sorry, there is a problem with that request")


@pytest.mark.django_db
def test_csrf_failure(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.people["coordinator"])
    response = client.post(reverse("early_impact", kwargs={"slug": "keighley"}), {"text": "x"})
    assert_error_page(response, 403, "Sorry, your form could not be sent")


@pytest.mark.django_db
def test_server_error(monkeypatch):
    def broken():
        raise RuntimeError("the database fell over")

    monkeypatch.setattr("actlocally.partnerships.selectors.public_areas", broken)
    client = Client(raise_request_exception=False)
    assert_error_page(client.get("/"), 500, "Sorry, there is a problem with the service")


def test_server_error_page_needs_no_database():
    """No django_db mark: any query here would fail the test."""
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()
    assert "<title>Sorry, there is a problem with the service – Act Locally</title>" in (
        response.content.decode()
    )
