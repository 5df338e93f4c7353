"""Session limits: idle timeout, absolute lifetime, "keep me signed in" only for people without
privileges, and signing out of every other device from the profile page."""

import datetime
import time

import pytest
import time_machine
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actlocally.accounts.sessions import STARTED, is_privileged
from actlocally.partnerships.models import BoardMembership, Membership

from .factories import PASSWORD, BoardMembershipFactory, MembershipFactory, UserFactory
from .pageforms import page_form, read_forms, submit


@pytest.fixture
def member(db):
    return MembershipFactory(role=Membership.Role.MEMBER).person


@pytest.fixture
def coordinator(db):
    return MembershipFactory(role=Membership.Role.COORDINATOR).person


def signed_in(person):
    client = Client()
    client.force_login(person)
    return client


def later(**delta):
    return time_machine.travel(
        datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(**delta), tick=False
    )


def sign_in_on_the_page(client, person, *, remember):
    page = client.get(reverse("account_login"))
    form = page_form(page, with_field="login").set("login", person.email)
    form.set("password", PASSWORD)
    if remember:
        form.tick("remember", "on")
    return submit(client, page, form)


# Who is privileged -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_coordinators_are_privileged(coordinator):
    assert is_privileged(coordinator) is True


@pytest.mark.django_db
def test_research_partners_are_privileged():
    assert is_privileged(MembershipFactory(role=Membership.Role.RESEARCH_PARTNER).person)


@pytest.mark.django_db
def test_backbone_staff_are_privileged():
    assert is_privileged(BoardMembershipFactory(role=BoardMembership.Role.BACKBONE).person)


@pytest.mark.django_db
def test_site_staff_are_privileged():
    assert is_privileged(UserFactory(is_staff=True)) is True


@pytest.mark.django_db
def test_partnership_members_are_not_privileged(member):
    assert is_privileged(member) is False


# Idle timeout ------------------------------------------------------------------------------------


def test_a_privileged_session_idle_for_31_minutes_is_signed_out(coordinator):
    client = signed_in(coordinator)
    with later(minutes=31):
        response = client.get(reverse("dashboard"))
    assert response.url == reverse("account_login") + "?next=/dashboard/"


def test_the_sign_in_page_says_the_session_ended_for_being_idle(coordinator):
    client = signed_in(coordinator)
    with later(minutes=31):
        response = client.get(reverse("dashboard"), follow=True)
    assert "you had not used Act Locally for 30 minutes" in response.content.decode()


def test_a_privileged_session_idle_for_29_minutes_carries_on(coordinator):
    client = signed_in(coordinator)
    with later(minutes=29):
        assert client.get(reverse("dashboard")).status_code == 200


def test_each_request_restarts_the_idle_clock(coordinator):
    client = signed_in(coordinator)
    with later(minutes=20):
        client.get(reverse("dashboard"))
    with later(minutes=40):
        assert client.get(reverse("dashboard")).status_code == 200


def test_a_members_session_idle_for_31_minutes_carries_on(member):
    client = signed_in(member)
    with later(minutes=31):
        assert client.get(reverse("dashboard")).status_code == 200


def test_a_members_session_idle_past_its_longer_timeout_is_signed_out(member):
    client = signed_in(member)
    with later(hours=8, minutes=1):
        assert client.get(reverse("dashboard")).status_code == 302


def test_the_privileged_idle_timeout_is_a_setting(coordinator, settings):
    settings.ACTLOCALLY_SESSION_IDLE_MINUTES_PRIVILEGED = 10
    client = signed_in(coordinator)
    with later(minutes=11):
        assert client.get(reverse("dashboard")).status_code == 302


def test_an_ended_session_is_signed_out_for_good(coordinator):
    client = signed_in(coordinator)
    with later(minutes=31):
        client.get(reverse("dashboard"))
        # Coming back straight away is not enough: the session is gone.
        assert client.get(reverse("dashboard")).status_code == 302


def test_an_htmx_request_in_an_ended_session_sends_the_whole_page_to_sign_in(coordinator):
    client = signed_in(coordinator)
    with later(minutes=31):
        response = client.get(reverse("dashboard"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == reverse("account_login")


# Absolute lifetime -------------------------------------------------------------------------------


def started_hours_ago(client, hours):
    session = client.session
    session[STARTED] = time.time() - hours * 3600
    session.save()


def test_a_session_older_than_its_lifetime_is_signed_out_however_active(member):
    client = signed_in(member)
    started_hours_ago(client, 12.1)
    response = client.get(reverse("dashboard"), follow=True)
    assert "you had been signed in for 12 hours" in response.content.decode()


def test_a_session_within_its_lifetime_carries_on(member):
    client = signed_in(member)
    started_hours_ago(client, 11.9)
    assert client.get(reverse("dashboard")).status_code == 200


def test_the_lifetime_is_a_setting(member, settings):
    settings.ACTLOCALLY_SESSION_MAX_HOURS = 2
    client = signed_in(member)
    started_hours_ago(client, 2.1)
    assert client.get(reverse("dashboard")).status_code == 302


# "Keep me signed in" ------------------------------------------------------------------------------


def test_a_member_who_ticks_keep_me_signed_in_keeps_the_cookie_after_the_browser_closes(member):
    response = sign_in_on_the_page(Client(), member, remember=True)
    assert response.cookies["sessionid"]["max-age"] == 12 * 3600


def test_a_member_who_does_not_tick_it_is_signed_out_when_the_browser_closes(member):
    response = sign_in_on_the_page(Client(), member, remember=False)
    assert response.cookies["sessionid"]["max-age"] == ""


def test_a_coordinator_who_ticks_it_is_still_signed_out_when_the_browser_closes(coordinator):
    response = sign_in_on_the_page(Client(), coordinator, remember=True)
    assert response.cookies["sessionid"]["max-age"] == ""


def test_someone_who_becomes_privileged_loses_the_kept_cookie(member):
    client = Client()
    sign_in_on_the_page(client, member, remember=True)
    Membership.objects.filter(person=member).update(role=Membership.Role.COORDINATOR)
    assert client.get(reverse("dashboard")).cookies["sessionid"]["max-age"] == ""


# Sign out everywhere -----------------------------------------------------------------------------


def sign_out_everywhere_on_the_page(client):
    page = client.get(reverse("profile"))
    action = reverse("sign_out_everywhere")
    (form,) = [f for f in read_forms(page.content) if f.action == action]
    return submit(client, page, form)


def test_signing_out_everywhere_ends_the_other_devices_sessions(member):
    phone, laptop = signed_in(member), signed_in(member)
    sign_out_everywhere_on_the_page(laptop)
    response = phone.get(reverse("dashboard"), follow=True)
    assert "chose “Sign out of every other device”" in response.content.decode()


def test_signing_out_everywhere_keeps_this_device_signed_in(member):
    laptop = signed_in(member)
    sign_out_everywhere_on_the_page(laptop)
    assert laptop.get(reverse("dashboard")).status_code == 200


def test_signing_out_everywhere_says_how_many_devices_were_signed_out(member):
    signed_in(member)
    signed_in(member)
    laptop = signed_in(member)
    response = sign_out_everywhere_on_the_page(laptop)
    assert "signed out of 2 other devices" in laptop.get(response.url).content.decode()


def test_signing_out_everywhere_leaves_other_peoples_sessions(member):
    someone_else = signed_in(UserFactory())
    sign_out_everywhere_on_the_page(signed_in(member))
    assert someone_else.get(reverse("dashboard")).status_code == 200


def test_signing_out_everywhere_does_not_count_sessions_already_idle(coordinator):
    signed_in(coordinator)
    with later(minutes=31):
        laptop = signed_in(coordinator)
        response = sign_out_everywhere_on_the_page(laptop)
        assert "not signed in on any other device" in laptop.get(response.url).content.decode()


def test_signing_out_everywhere_ends_sessions_the_engine_cannot_list(member, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.signed_cookies"
    phone, laptop = signed_in(member), signed_in(member)
    sign_out_everywhere_on_the_page(laptop)
    assert phone.get(reverse("dashboard")).status_code == 302


# Expired rows ------------------------------------------------------------------------------------


def test_the_nightly_purge_deletes_expired_sessions(member):
    from actlocally.privacy.retention import declarations

    signed_in(member)
    with later(hours=13):
        declarations()["sessions.Session"].purge(timezone.now())
    assert Session.objects.count() == 0
