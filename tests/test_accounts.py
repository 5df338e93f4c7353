"""Signing in, and joining a partnership from an invitation without an account."""

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from actlocally.accounts.models import User
from actlocally.partnerships import services
from actlocally.partnerships.models import Membership, Role

from .factories import PASSWORD, PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_sign_in_with_email_and_password(client):
    person = UserFactory()
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert client.get(reverse("dashboard")).status_code == 200


def test_wrong_password_shows_an_error(client):
    person = UserFactory()
    response = client.post(reverse("account_login"), {"login": person.email, "password": "nope"})
    assert b"govuk-error-summary" in response.content


def test_sign_up_is_closed_without_an_invitation(client):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "x@example.org",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
            "full_name": "X",
        },
    )
    assert not User.objects.filter(email="x@example.org").exists() and response.status_code == 200


def test_passwords_are_hashed_with_argon2(settings):
    from django.contrib.auth.hashers import make_password

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.Argon2PasswordHasher"]
    assert make_password("something long").startswith("argon2")


def sign_up_from_invitation(client, partnership, role=Role.MEMBER):
    """Open an invitation link, create the account it asks for; return the token."""
    _invitation, token = services.invite_member(
        partnership=partnership,
        email="invitee@example.org",
        full_name="In Vitee",
        role=role,
        base_url="http://testserver",
        by=UserFactory(),
    )
    client.get(reverse("invitation", kwargs={"token": token}))
    client.post(
        reverse("account_signup"),
        {
            "email": "invitee@example.org",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
            "full_name": "In Vitee",
        },
    )
    return token


def test_invited_person_creates_an_account_and_joins(client):
    partnership = PartnershipFactory()
    token = sign_up_from_invitation(client, partnership, role=Role.YOUNG_PERSON)
    client.post(reverse("invitation", kwargs={"token": token}))
    assert Membership.objects.filter(
        partnership=partnership, person__email="invitee@example.org", role=Role.YOUNG_PERSON
    ).exists()


def test_invited_persons_email_is_verified_by_the_link(client):
    sign_up_from_invitation(client, PartnershipFactory())
    assert EmailAddress.objects.get(email="invitee@example.org").verified


def test_unknown_invitation_token_is_404(client):
    assert client.get(reverse("invitation", kwargs={"token": "not-a-token"})).status_code == 404


def test_profile_change_saves_name(client):
    person = UserFactory()
    client.force_login(person)
    client.post(reverse("profile"), {"full_name": "New Name", "job_title": "Head"})
    person.refresh_from_db()
    assert person.full_name == "New Name"
