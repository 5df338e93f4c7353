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


def _drop_test_database_even_if_in_use(creation, test_database_name, verbosity):
    """PostgreSQL: DROP DATABASE … WITH (FORCE). A live server's request thread still finishing
    when the run ends holds a session, and a plain DROP then failed the whole run ("being
    accessed by other users") after every test had passed."""
    creation.connection.close_pool()
    with creation._nodb_cursor() as cursor:
        name = creation.connection.ops.quote_name(test_database_name)
        cursor.execute(f"DROP DATABASE {name} WITH (FORCE)")


def pytest_configure(config):
    from django.db.backends.postgresql.creation import DatabaseCreation

    DatabaseCreation._destroy_test_db = _drop_test_database_even_if_in_use
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
    # Linkage projects' DuckDB files and keys, too.
    settings.LINKAGE_DATA_DIR = tmp_path / "linkage"
    settings.LINKAGE_KEY_DIR = tmp_path / "linkage-keys"


@pytest.fixture(scope="module")
def seeded_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, seeded once for a module's tests (each test's own changes roll back as
    usual) and taken away after them. Seeding it for each test was minutes of the suite."""
    from django.core.management import call_command
    from django.test import override_settings

    from . import dbsnapshot

    folder = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock():
        before = dbsnapshot.take(schema="actlocally_before_demo")
        with override_settings(
            DEMO_MODE=True,
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            MEDIA_ROOT=folder / "media",
            LINKAGE_DATA_DIR=folder / "linkage",
            LINKAGE_KEY_DIR=folder / "linkage-keys",
        ):
            call_command("seed_demo", verbosity=0)
    yield
    with django_db_blocker.unblock():
        dbsnapshot.restore(before)


@pytest.fixture
def world(db):
    """Bradford with two partnerships and a board; Leeds with one partnership.

    `world.people[role]` is a person holding that role in `world.keighley` (or, for board roles,
    on Bradford's board); `world.outsider` belongs only to Leeds's partnership.
    """
    return factories.build_world()
