"""The demo loads the three Bradford partnerships from their data folder, once; another local
authority's folder loads through the same loader."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import formats, timezone

from actlocally.accounts.models import User
from actlocally.journey.models import StepProgress
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


def test_demo_journey_shows_the_dates_of_the_evidence_not_the_day_it_was_loaded(settings, client):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    client.force_login(User.objects.get(email="coordinator@example.org"))
    page = client.get(reverse("journey", kwargs={"slug": "keighley"})).content.decode()
    dated = set(re.findall(r"\((\d{1,2} \w{3} \d{4})\)", page))
    # The board and backbone from the day the partnership began, the Statement of Intent and
    # the theory of change from the day it was agreed; nothing from today.
    assert {"1 Apr 2022", "24 Nov 2023"} <= dated and formats.date_format(
        timezone.localdate(), "j M Y"
    ) not in dated


def test_demo_members_page_shows_when_each_member_joined(settings, client):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    client.force_login(User.objects.get(email="coordinator@example.org"))
    page = client.get(reverse("members", kwargs={"slug": "keighley"})).content.decode()
    assert "6 Oct 2023" in page


TINY = Path(__file__).resolve().parent / "demo_data" / "tiny"


def test_a_second_demo_folder_loads_through_the_same_loader(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", data=str(TINY), verbosity=0)
    testtown = Partnership.objects.get(slug="testtown")
    assert (
        testtown.local_authority.name,
        testtown.focus_issues.get().title,
        list(testtown.actions.values_list("title", flat=True)),
    ) == ("Testshire", "Getting to school every day", ["Start a walking bus"])


def test_a_second_demo_folder_is_loaded_once(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", data=str(TINY), verbosity=0)
    call_command("seed_demo", data=str(TINY), verbosity=0)
    assert Partnership.objects.count() == 1


def test_a_second_demo_dates_its_journey_from_its_own_history(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", data=str(TINY), verbosity=0)
    dates = dict(
        StepProgress.objects.filter(partnership__slug="testtown").values_list("step__key", "on")
    )
    assert (
        dates["identify-backbone"],
        dates["collate-early-impact"],
        dates["hold-learning-symposium"],
    ) == (datetime.date(2021, 9, 1), datetime.date(2022, 12, 1), datetime.date(2021, 11, 20))


def test_a_demo_folder_without_authority_file_is_refused(settings, tmp_path):
    settings.DEMO_MODE = True
    with pytest.raises(ImproperlyConfigured):
        call_command("seed_demo", data=str(tmp_path), verbosity=0)
