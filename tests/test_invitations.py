"""Accepting an invitation: sign-up joins the partnership, and sign-up is closed without one."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from actlocally.accounts.models import User
from actlocally.partnerships import services
from actlocally.partnerships.models import Membership, Role

from .factories import PASSWORD, PartnershipFactory, UserFactory
from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a-long-password-1"


def invite(partnership, email="invitee@example.org", role=Role.MEMBER):
    _invitation, token = services.invite_member(
        partnership=partnership,
        email=email,
        full_name="In Vitee",
        role=role,
        base_url="http://testserver",
        by=UserFactory(),
    )
    return _invitation, token


def open_link_and_sign_up(client, token, email="invitee@example.org"):
    """Open the link, follow its "Create your account" button, fill in the page's form."""
    client.get(reverse("invitation", kwargs={"token": token}))
    response = client.get(reverse("account_signup"))
    form = page_form(response, with_field="password1")
    form.set("email", email).set("full_name", "In Vitee")
    form.set("password1", NEW_PASSWORD).set("password2", NEW_PASSWORD)
    return submit(client, response, form)


def test_creating_an_account_from_an_invitation_joins_the_partnership(client):
    partnership = PartnershipFactory()
    _inv, token = invite(partnership, role=Role.YOUNG_PERSON)
    response = open_link_and_sign_up(client, token)
    assert Membership.objects.filter(
        partnership=partnership, person__email="invitee@example.org", role=Role.YOUNG_PERSON
    ).exists()
    assert response.url == partnership.get_absolute_url()


def test_after_sign_up_the_partnership_page_says_you_have_joined(client):
    partnership = PartnershipFactory(name="Act Locally: Keighley")
    _inv, token = invite(partnership)
    response = client.get(open_link_and_sign_up(client, token).url)
    assert "You have joined Act Locally: Keighley" in response.content.decode()


def test_invitation_survives_email_verification(client, settings):
    """Without the link's proof of address, the person confirms it by email, then signs in."""
    partnership = PartnershipFactory()
    _inv, token = invite(partnership)
    client.get(reverse("invitation", kwargs={"token": token}))
    session = client.session
    session.pop("account_verified_email")
    session.save()
    mail.outbox.clear()
    response = client.get(reverse("account_signup"))
    form = page_form(response, with_field="password1")
    form.set("email", "invitee@example.org").set("full_name", "In Vitee")
    form.set("password1", NEW_PASSWORD).set("password2", NEW_PASSWORD)
    submit(client, response, form)
    assert not Membership.objects.filter(person__email="invitee@example.org").exists()
    confirm = re.search(r"http://testserver(\S+/confirm-email/\S+/)", mail.outbox[-1].body)
    response = client.get(confirm.group(1))
    submit(client, response, page_form(response))
    response = client.get(reverse("account_login"))
    form = page_form(response, with_field="login")
    form.set("login", "invitee@example.org").set("password", NEW_PASSWORD)
    response = submit(client, response, form)
    assert response.url == partnership.get_absolute_url()
    assert Membership.objects.filter(
        partnership=partnership, person__email="invitee@example.org"
    ).exists()


def test_existing_account_signing_in_from_the_link_joins(client):
    person = UserFactory(email="member@example.org")
    partnership = PartnershipFactory()
    _inv, token = invite(partnership, email="member@example.org")
    client.get(reverse("invitation", kwargs={"token": token}))
    response = client.get(reverse("account_login"))
    form = page_form(response, with_field="login")
    form.set("login", "member@example.org").set("password", PASSWORD)
    response = submit(client, response, form)
    assert response.url == partnership.get_absolute_url()
    assert Membership.objects.filter(partnership=partnership, person=person).exists()


def test_sign_up_must_use_the_invited_address(client):
    _inv, token = invite(PartnershipFactory())
    response = open_link_and_sign_up(client, token, email="someone-else@example.org")
    assert "Use the email address the invitation was sent to" in response.content.decode()
    assert not User.objects.filter(email="someone-else@example.org").exists()


# Sign-up is closed unless a valid invitation is being accepted ---------------------------------


def sign_up_directly(client, email="walk-in@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "full_name": "Walk In",
            "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD,
        },
    )


def test_sign_up_page_is_closed_without_an_invitation(client):
    response = client.get(reverse("account_signup"))
    assert 'name="password1"' not in response.content.decode()


def test_direct_sign_up_creates_no_account(client):
    sign_up_directly(client)
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_used_invitation_does_not_open_sign_up(client):
    invitation, token = invite(PartnershipFactory(), email="walk-in@example.org")
    invitation.accepted_at = timezone.now()
    invitation.save()
    client.get(reverse("invitation", kwargs={"token": token}))
    sign_up_directly(client)
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_expired_invitation_does_not_open_sign_up(client):
    invitation, token = invite(PartnershipFactory(), email="walk-in@example.org")
    invitation.expires_at = timezone.now() - datetime.timedelta(minutes=1)
    invitation.save()
    client.get(reverse("invitation", kwargs={"token": token}))
    sign_up_directly(client)
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_replaced_invitation_does_not_open_sign_up(client):
    partnership = PartnershipFactory()
    _old, old_token = invite(partnership, email="walk-in@example.org")
    invite(partnership, email="walk-in@example.org")
    client.get(reverse("invitation", kwargs={"token": old_token}))
    sign_up_directly(client)
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_invitation_used_after_it_was_opened_closes_sign_up(client):
    """The link was valid when opened, but someone accepted it before this sign-up."""
    invitation, token = invite(PartnershipFactory(), email="walk-in@example.org")
    client.get(reverse("invitation", kwargs={"token": token}))
    invitation.accepted_at = timezone.now()
    invitation.save()
    sign_up_directly(client)
    assert not User.objects.filter(email="walk-in@example.org").exists()


def test_operator_can_open_sign_up(client, settings):
    settings.ACTLOCALLY_OPEN_SIGNUP = True
    sign_up_directly(client)
    assert User.objects.filter(email="walk-in@example.org").exists()
