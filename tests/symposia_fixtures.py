"""Fixtures shared by the symposium test modules: a symposium about to start, a join code, a phone."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from actlocally.symposia import services

PHONE = {"HTTP_USER_AGENT": "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile"}


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()


@pytest.fixture
def coordinator(world):
    return world.people["coordinator"]


@pytest.fixture
def symposium(world, coordinator):
    return services.create_symposium(
        partnership=world.keighley,
        title="Keighley learning symposium",
        starts_at=timezone.now() + datetime.timedelta(minutes=30),
        venue="Keighley Civic Centre",
        by=coordinator,
    )


@pytest.fixture
def code(symposium, coordinator):
    return services.create_join_code(symposium=symposium, by=coordinator)
