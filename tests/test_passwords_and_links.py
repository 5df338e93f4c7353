"""Passwords unlike the person's name; evidence links only to web addresses, shown with domain."""

import pytest
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.partnerships import services
from actlocally.partnerships.models import Role

from .factories import PASSWORD, PartnershipFactory, UserFactory
from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def test_sign_up_refuses_a_password_made_of_the_persons_name(client):
    _inv, token = services.invite_member(
        partnership=PartnershipFactory(),
        email="peter@example.org",
        full_name="Peter Marsh",
        role=Role.MEMBER,
        base_url="http://testserver",
        by=UserFactory(),
    )
    client.get(reverse("invitation", kwargs={"token": token}))
    response = client.get(reverse("account_signup"))
    form = page_form(response, with_field="password1")
    form.set("email", "peter@example.org").set("full_name", "Peter Marsh")
    form.set("password1", "petermarsh1").set("password2", "petermarsh1")
    response = submit(client, response, form)
    assert response.status_code == 200
    assert "too similar to the full name" in response.content.decode()


def test_password_change_refuses_a_password_made_of_the_persons_name(client):
    person = UserFactory(full_name="Peter Marsh")
    client.force_login(person)
    response = client.get(reverse("account_change_password"))
    form = page_form(response, with_field="password1")
    form.set("oldpassword", PASSWORD).set("password1", "marshpeter77").set(
        "password2", "marshpeter77"
    )
    response = submit(client, response, form)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert "too similar to the full name" in response.content.decode()


def update_evidence(client, world, url):
    client.force_login(world.people["coordinator"])
    page = reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"})
    response = client.get(page)
    form = page_form(response, with_field="evidence_url").set("status", "done")
    form.set("evidence_label", "Board minutes").set("evidence_url", url)
    return submit(client, response, form)


@pytest.mark.parametrize(
    "url",
    [
        "//evil.example/phish",
        "/\\evil.example/phish",
        "javascript:alert(1)",
        "https:///no-host",
        "ftp://files.example.org/x",
        "https://exa mple.org/",
    ],
)
def test_evidence_link_must_be_a_web_address(client, world, url):
    response = update_evidence(client, world, url)
    assert response.status_code == 200 and "govuk-error-summary" in response.content.decode()
    assert not StepProgress.objects.filter(evidence_url=url).exists()


@pytest.mark.parametrize("url", ["https://example.org/minutes.pdf", "/partnerships/keighley/"])
def test_evidence_link_to_the_web_or_this_site_is_saved(client, world, url):
    update_evidence(client, world, url)
    assert StepProgress.objects.filter(evidence_url=url).exists()


def test_evidence_link_is_shown_with_its_domain(client, world):
    update_evidence(client, world, "https://www.example.org/minutes.pdf")
    page = reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"})
    content = client.get(page).content.decode()
    assert "Board minutes</a> (www.example.org)" in content


def test_an_unsafe_link_saved_earlier_is_not_a_link(client, world):
    update_evidence(client, world, "https://example.org/")
    StepProgress.objects.update(evidence_url="//evil.example/phish")
    page = reverse("journey_step", kwargs={"slug": "keighley", "key": "outline-purpose"})
    assert 'href="//evil.example' not in client.get(page).content.decode()
