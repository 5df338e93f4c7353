"""The demo loads the three Bradford partnerships from the source material, once."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from actlocally.partnerships.models import Membership, Partnership

pytestmark = pytest.mark.django_db


def test_demo_refuses_outside_demo_mode(settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("seed_demo")


def test_demo_loads_the_three_bradford_partnerships(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo")
    assert sorted(Partnership.objects.values_list("area_name", flat=True)) == [
        "Holme Wood",
        "Keighley Central",
        "Manningham & Girlington",
    ]


def test_demo_is_loaded_once(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo")
    call_command("seed_demo")
    assert Partnership.objects.count() == 3


def test_demo_focus_issues_come_from_the_source(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo")
    keighley = Partnership.objects.get(slug="keighley")
    assert (
        keighley.focus_issues.get(status="active").title
        == "Tackling food insecurity, poor diet and nutrition"
    )


def test_demo_members_joined_when_their_partnership_began_not_on_the_day_it_was_loaded(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo")
    joined = set(Membership.objects.values_list("partnership__slug", "joined_on"))
    assert (
        "keighley",
        Partnership.objects.get(slug="keighley").focus_issues.earliest("started_on").started_on,
    ) in joined and timezone.localdate() not in {on for _slug, on in joined}
