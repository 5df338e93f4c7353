"""MFA: who must use it, set-up before anything else, and signing in with a code."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal import auth as totp

from actlocally.accounts.mfa import needs_mfa
from actlocally.partnerships.models import BoardMembership, Membership

from .factories import PASSWORD, BoardMembershipFactory, MembershipFactory, UserFactory
from .pageforms import page_form, submit


@pytest.fixture
def require_mfa(settings):
    settings.ACTLOCALLY_REQUIRE_MFA = True


def sign_in(client, user):
    response = client.get("/accounts/login/")
    form = (
        page_form(response, with_field="login").set("login", user.email).set("password", PASSWORD)
    )
    return submit(client, response, form)


def open_set_up(client, user):
    """Sign in, then confirm the password once more, as allauth asks before adding a factor."""
    sign_in(client, user)
    response = client.get("/accounts/reauthenticate/?next=/accounts/2fa/totp/activate/")
    submit(client, response, page_form(response, with_field="password").set("password", PASSWORD))
    return client.get("/accounts/2fa/totp/activate/")


def current_code(secret: str) -> str:
    counter = next(totp.yield_hotp_counters_from_time())
    return totp.format_hotp_value(totp.hotp_value(secret, counter))


@pytest.mark.django_db
def test_site_staff_need_mfa():
    assert needs_mfa(UserFactory(is_staff=True)) is True


@pytest.mark.django_db
def test_backbone_staff_need_mfa():
    assert needs_mfa(BoardMembershipFactory(role=BoardMembership.Role.BACKBONE).person) is True


@pytest.mark.django_db
def test_board_members_need_mfa():
    assert needs_mfa(BoardMembershipFactory(role=BoardMembership.Role.MEMBER).person) is True


@pytest.mark.django_db
def test_research_partners_need_mfa():
    assert needs_mfa(MembershipFactory(role=Membership.Role.RESEARCH_PARTNER).person) is True


@pytest.mark.django_db
def test_a_partnership_member_does_not_need_mfa():
    assert needs_mfa(MembershipFactory(role=Membership.Role.MEMBER).person) is False


@pytest.mark.django_db
def test_an_analyst_named_on_an_open_linkage_project_needs_mfa():
    from tests.factories_outputs import ProjectMemberFactory

    member = MembershipFactory(role=Membership.Role.MEMBER).person
    ProjectMemberFactory(user=member)
    assert needs_mfa(member) is True


@pytest.mark.django_db
def test_someone_named_only_on_a_closed_linkage_project_does_not_need_mfa():
    from actlocally.linkage.models import LinkageProject
    from tests.factories_outputs import ProjectMemberFactory

    member = MembershipFactory(role=Membership.Role.MEMBER).person
    ProjectMemberFactory(user=member, project__status=LinkageProject.Status.CLOSED)
    assert needs_mfa(member) is False


@pytest.mark.django_db
def test_site_staff_without_mfa_are_taken_to_set_it_up(client, require_mfa):
    user = UserFactory(is_staff=True)
    sign_in(client, user)
    response = client.get("/dashboard/")
    assert response.url == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_site_staff_without_mfa_cannot_open_the_admin(client, require_mfa):
    user = UserFactory(is_staff=True, is_superuser=True)
    sign_in(client, user)
    response = client.get("/admin/")
    assert response.url == "/accounts/2fa/totp/activate/"


@pytest.mark.django_db
def test_the_set_up_page_says_why_it_is_needed(client, require_mfa):
    response = open_set_up(client, UserFactory(is_staff=True))
    assert "You cannot use the rest of Act Locally until this is set up" in response.text


@pytest.mark.django_db
def test_a_code_from_the_set_up_page_turns_mfa_on_and_opens_the_dashboard(client, require_mfa):
    response = open_set_up(client, UserFactory(is_staff=True))
    secret = response.context["form"].secret
    submit(
        client, response, page_form(response, with_field="code").set("code", current_code(secret))
    )
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_a_wrong_code_is_refused_and_nothing_is_turned_on(client, require_mfa):
    user = UserFactory(is_staff=True)
    response = open_set_up(client, user)
    submit(client, response, page_form(response, with_field="code").set("code", "000000"))
    assert not Authenticator.objects.filter(user=user).exists()


@pytest.mark.django_db
def test_a_member_is_not_asked_to_set_up_mfa(client, require_mfa):
    sign_in(client, MembershipFactory(role=Membership.Role.MEMBER).person)
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_once_on_signing_in_asks_for_the_code(client, require_mfa):
    user = UserFactory(is_staff=True)
    totp.TOTP.activate(user, totp.generate_totp_secret())
    response = sign_in(client, user)
    assert response.url == "/accounts/2fa/authenticate/"


@pytest.mark.django_db
def test_signing_in_with_the_code_opens_the_dashboard(client, require_mfa):
    user = UserFactory(is_staff=True)
    secret = totp.generate_totp_secret()
    totp.TOTP.activate(user, secret)
    sign_in(client, user)
    response = client.get("/accounts/2fa/authenticate/")
    submit(
        client, response, page_form(response, with_field="code").set("code", current_code(secret))
    )
    assert client.get("/dashboard/").status_code == 200


@pytest.mark.django_db
def test_the_admin_sign_in_is_the_sites_sign_in(client):
    response = client.get("/admin/login/")
    assert response.url.startswith("/accounts/login/")
