"""Shared fixtures: a small world of two local authorities and three partnerships, one person per role."""

import os

import pytest
from django.conf import settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from . import factories

# Fuzzing: a small corpus in every run (CI), a long one in `make fuzz`. No deadline: the two
# cores are shared with the other test worker, so timings say nothing.
hypothesis_settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.register_profile(
    "fuzz",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_configure(config):
    # Tests never run collectstatic: serve static files by their plain names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background tasks run inline (django-tasks' immediate backend) once the test's
    # transaction "commits" (django_capture_on_commit_callbacks(execute=True)).
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _fast_and_quiet(settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    # Uploads (default_storage) go to a directory of the test's own.
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def world(db):
    """Bradford with two partnerships and a board; Leeds with one partnership.

    `world.people[role]` is a person holding that role in `world.keighley` (or, for board roles,
    on Bradford's board); `world.outsider` belongs only to Leeds's partnership.
    """
    return factories.build_world()
