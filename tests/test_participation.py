"""Taking part without an account (participation/): codes, device tokens, consent, limits on
guessing, and the daily erasure of guests' names, as symposia use them."""

import datetime

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from actlocally.participation import selectors as found
from actlocally.participation import services as participation
from actlocally.participation.tasks import forget_guest_names
from actlocally.symposia import services as symposia
from actlocally.symposia.models import Guest, JoinCode

from . import factories
from .symposia_fixtures import *  # noqa: F403
from .symposia_fixtures import PHONE

pytestmark = pytest.mark.django_db


def test_codes_use_only_the_unambiguous_alphabet(symposium, coordinator):
    issued = participation.issue_code(
        model=JoinCode, expires_at=symposium.event_day_ends_at, by=coordinator, symposium=symposium
    )
    assert len(issued.code) == participation.CODE_LENGTH and set(issued.code) <= set(
        participation.CODE_ALPHABET
    )


def test_a_typed_code_is_found_whatever_its_case_and_spacing(code):
    typed = f" {code.code[:3].lower()} - {code.code[3:]} "
    assert found.code_for(JoinCode.objects.all(), typed) == code


def test_an_ended_code_is_no_longer_current(code, coordinator):
    participation.end_code(code=code, by=coordinator)
    assert list(found.current_codes(JoinCode.objects.all())) == []


def test_a_device_token_is_kept_only_as_its_hash(code):
    guest, token = symposia.join_as_guest(join_code=code, display_name="", role_type="parent")
    assert guest.token_hash == participation.hash_token(token) and token not in guest.token_hash


def test_a_guest_is_found_by_token_only_while_their_code_works(code, coordinator):
    _guest, token = symposia.join_as_guest(join_code=code, display_name="", role_type="parent")
    participation.end_code(code=code, by=coordinator)
    assert found.guest_for_token(Guest.objects.all(), token) is None


def test_joining_records_consent_to_the_notice_shown(code):
    guest, _token = symposia.join_as_guest(join_code=code, display_name="Sam", role_type="parent")
    guest.refresh_from_db()
    assert guest.consent_notice == symposia.GUEST_NOTICE.key and guest.consented_at is not None


def test_the_check_page_shows_the_notice_the_guest_agrees_to(client, code):
    client.post(reverse("join"), {"code": code.code}, **PHONE)
    client.post(reverse("join_role"), {"role_type": "parent"}, **PHONE)
    response = client.get(reverse("join_check"), **PHONE)
    assert str(symposia.GUEST_NOTICE.text) in response.content.decode()


def _request():
    request = RequestFactory().post("/join/", REMOTE_ADDR="203.0.113.9")
    request.session = SessionStore()
    return request


def test_an_attempt_limit_holds_after_the_allowed_failures():
    limit = participation.AttemptLimit(name="test:limit", per_ip=50, per_session=3)
    request = _request()
    for _attempt in range(3):
        limit.count_failure(request)
    assert limit.exceeded(request)


def test_an_attempt_limit_counts_each_session_apart_within_the_address_limit():
    limit = participation.AttemptLimit(name="test:limit", per_ip=50, per_session=3)
    careless, colleague = _request(), _request()
    for _attempt in range(3):
        limit.count_failure(careless)
    assert not limit.exceeded(colleague)


def test_symposia_register_their_erasure_rule():
    assert symposia.GUEST_NAMES in participation.registered_erasures()


def _guest_at(days_ago: int, name: str):
    guest = factories.GuestFactory(display_name=name)
    guest.symposium.starts_at = timezone.now() - datetime.timedelta(days=days_ago)
    guest.symposium.save()
    return guest


def test_the_daily_job_erases_names_older_than_the_feature_keeps_them():
    old, recent = _guest_at(31, "Sam"), _guest_at(29, "Alex")
    forget_guest_names.call()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.display_name, recent.display_name) == ("", "Alex")


def test_erasing_names_keeps_the_guest_and_their_consent():
    guest = _guest_at(31, "Sam")
    Guest.objects.filter(pk=guest.pk).update(consent_notice="n-1", consented_at=timezone.now())
    participation.erase_due_names()
    guest.refresh_from_db()
    assert (guest.display_name, guest.consent_notice) == ("", "n-1")
