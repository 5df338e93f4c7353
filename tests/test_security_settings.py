"""Settings fail closed: outside debug, demo and test mode, a real secret and HTTPS or no start."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from actlocally.security_settings import LOCAL_SECRET_KEY, security_settings

REAL_KEY = "k3y-" + "x7Q9z" * 12
PRODUCTION = {
    "DJANGO_SECRET_KEY": REAL_KEY,
    "DJANGO_ALLOWED_HOSTS": "actlocally.example.gov.uk",
    "DATABASE_URL": "postgres://actlocally@db/actlocally",
}


def without(name):
    return {key: value for key, value in PRODUCTION.items() if key != name}


def test_nothing_set_refuses_to_start():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY is not set"):
        security_settings({})


def test_production_is_the_default_without_actlocally_env():
    assert security_settings(PRODUCTION)["PRODUCTION"] is True


@pytest.mark.parametrize(
    "key", [LOCAL_SECRET_KEY, "change-me", "django-insecure-" + "a1b2c" * 10, "short-key"]
)
def test_a_built_in_or_short_secret_key_is_refused(key):
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY"):
        security_settings({**PRODUCTION, "DJANGO_SECRET_KEY": key})


def test_a_key_of_one_repeated_character_is_refused():
    with pytest.raises(ImproperlyConfigured, match="varied characters"):
        security_settings({**PRODUCTION, "DJANGO_SECRET_KEY": "a" * 80})


@pytest.mark.parametrize("missing", ["DJANGO_ALLOWED_HOSTS", "DATABASE_URL"])
def test_hosts_and_database_are_required(missing):
    with pytest.raises(ImproperlyConfigured, match=missing):
        security_settings(without(missing))


def test_the_message_says_what_to_set_for_a_local_run():
    with pytest.raises(ImproperlyConfigured, match="ACTLOCALLY_DEMO=1"):
        security_settings({})


def test_production_serves_https_only():
    settings = security_settings(PRODUCTION)
    assert settings["SECURE_SSL_REDIRECT"] is True
    assert settings["SECURE_HSTS_SECONDS"] >= 31536000
    assert settings["SESSION_COOKIE_SECURE"] is True and settings["CSRF_COOKIE_SECURE"] is True
    assert settings["SECRET_KEY"] == REAL_KEY


def test_hsts_covers_the_services_subdomains_but_preloading_is_opt_in():
    settings = security_settings(PRODUCTION)
    assert (settings["SECURE_HSTS_INCLUDE_SUBDOMAINS"], settings["SECURE_HSTS_PRELOAD"]) == (
        True,
        False,
    )


def test_check_deploy_warns_about_preloading_once_it_is_chosen():
    settings = security_settings({**PRODUCTION, "DJANGO_HSTS_PRELOAD": "1"})
    assert settings["SILENCED_SYSTEM_CHECKS"] == []


def test_hsts_cannot_be_switched_off_in_production():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_HSTS_SECONDS"):
        security_settings({**PRODUCTION, "DJANGO_HSTS_SECONDS": "0"})


def test_proxy_header_is_trusted_only_when_behind_a_proxy():
    assert security_settings(PRODUCTION)["SECURE_PROXY_SSL_HEADER"] is None
    behind = security_settings({**PRODUCTION, "ACTLOCALLY_BEHIND_PROXY": "1"})
    assert behind["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert behind["ALLAUTH_TRUSTED_PROXY_COUNT"] == 1


@pytest.mark.parametrize(
    "env", [{"DJANGO_DEBUG": "1"}, {"ACTLOCALLY_DEMO": "1"}, {"ACTLOCALLY_ENV": "test"}]
)
def test_debug_demo_and_test_run_with_the_local_key_over_http(env):
    settings = security_settings(env)
    assert settings["SECRET_KEY"] == LOCAL_SECRET_KEY
    assert settings["SECURE_SSL_REDIRECT"] is False and settings["SESSION_COOKIE_SECURE"] is False


def test_an_unknown_environment_name_is_production():
    with pytest.raises(ImproperlyConfigured):
        security_settings({"ACTLOCALLY_ENV": "staging"})


def run_manage_check(extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "ACTLOCALLY_"))
    }
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, check=False
    )


def test_manage_py_refuses_to_start_without_settings():
    result = run_manage_check({})
    assert result.returncode != 0 and "DJANGO_SECRET_KEY is not set" in result.stderr


def test_manage_py_starts_in_demo_mode():
    assert run_manage_check({"ACTLOCALLY_DEMO": "1"}).returncode == 0
