"""Sign-in limits count wrong passwords per account and, generously, per address."""

import os
import socket
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.urls import reverse

from .factories import PASSWORD, UserFactory
from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db

SCHOOL = "203.0.113.7"  # everyone in one school reaches the site from this address


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password):
    response = client.get(reverse("account_login"), REMOTE_ADDR=SCHOOL)
    form = page_form(response, with_field="login").set("login", email).set("password", password)
    return submit(client, response, form, REMOTE_ADDR=SCHOOL)


def test_one_persons_wrong_passwords_do_not_lock_out_a_colleague_at_the_same_address(client):
    careless, colleague = UserFactory(), UserFactory()
    for _attempt in range(6):
        sign_in(client, careless.email, "not-the-password")
    response = sign_in(client, colleague.email, PASSWORD)
    assert response.status_code == 302 and response.url == reverse("dashboard")


def test_five_wrong_passwords_lock_that_account(client):
    person = UserFactory()
    for _attempt in range(5):
        sign_in(client, person.email, "not-the-password")
    response = sign_in(client, person.email, PASSWORD)
    assert response.status_code != 302
    assert "Too many failed login attempts" in response.content.decode()


def test_many_people_failing_from_one_address_are_limited_in_the_end(client):
    for _person in range(21):
        person = UserFactory()
        for _attempt in range(5):
            sign_in(client, person.email, "not-the-password")
    response = sign_in(client, UserFactory().email, PASSWORD)
    assert response.status_code != 302


def redis_is_running() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(not redis_is_running(), reason="no Redis at 127.0.0.1:6379")
def test_redis_url_gives_a_shared_redis_cache():
    code = (
        "import django; django.setup()\n"
        "from django.conf import settings; from django.core.cache import cache\n"
        "cache.set('actlocally-test', 'shared', 5)\n"
        "print(settings.CACHES['default']['BACKEND'], cache.get('actlocally-test'))\n"
    )
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15", "ACTLOCALLY_DEMO": "1"}
    env["DJANGO_SETTINGS_MODULE"] = "actlocally.settings"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["django.core.cache.backends.redis.RedisCache", "shared"]
