"""Every CSV export goes through core.csv: a name a person typed or uploaded that starts like a
formula reaches the spreadsheet as text; numbers stay numbers."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from actlocally.core.csv import safe_cell
from actlocally.symposia import services as symposia_services
from tests import factories

FORMULA = '=HYPERLINK("http://evil.example","x")'


def read(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_starting_a_formula_becomes_text(start):
    assert safe_cell(start + "1+1") == "'" + start + "1+1"


def test_numbers_stay_numbers():
    assert (safe_cell(-1.5), safe_cell(3), safe_cell(None), safe_cell("Keighley")) == (
        -1.5,
        3,
        "",
        "Keighley",
    )


@pytest.fixture
def hostile_lsoa(world):
    release = factories.ReleaseFactory()
    ward = factories.WardFactory(name=FORMULA)
    lsoa = factories.LsoaFactory(name=FORMULA, ward=ward)
    factories.DeprivationFactory(release=release, lsoa=lsoa, imd_score=-0.25)
    return lsoa


@pytest.mark.parametrize("level", ["lsoa", "ward"])
def test_ranking_csv_writes_a_hostile_name_as_text(client, world, hostile_lsoa, level):
    client.force_login(world.people["member"])
    response = client.get(
        reverse("places_ranking", kwargs={"la": "E08000032"}) + f"?level={level}&format=csv"
    )
    row = read(response)[1]
    assert (row[1], row[2]) == ("'" + FORMULA, "-0.250")


def test_rank_areas_command_writes_a_hostile_name_as_text(world, hostile_lsoa):
    out = io.StringIO()
    call_command("rank_areas", la="E08000032", level="lsoa", release="IoD2019", stdout=out)
    assert list(csv.reader(io.StringIO(out.getvalue())))[1][1] == "'" + FORMULA


def test_action_plan_csv_writes_hostile_text_as_text(client, world):
    owner = world.people["member"]
    owner.full_name = "@SUM(1+1)"
    owner.save()
    factories.ActionFactory(
        partnership=world.keighley, focus_issue=world.focus, title=FORMULA, owner=owner
    )
    client.force_login(world.people["member"])
    row = read(client.get(reverse("action_plan_csv", kwargs={"slug": "keighley"})))[1]
    assert (row[0], row[2]) == ("'" + FORMULA, "'@SUM(1+1)")


@pytest.fixture
def symposium(world):
    return symposia_services.create_symposium(
        partnership=world.keighley,
        title=FORMULA,
        starts_at=timezone.now() + datetime.timedelta(minutes=30),
        venue="Keighley Civic Centre",
        by=world.people["coordinator"],
    )


def test_symposium_results_csv_writes_a_hostile_title_as_text(client, world, symposium):
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("symposium_results_csv", kwargs={"slug": "keighley", "pk": symposium.pk})
    )
    assert read(response)[0] == ["Symposium", "'" + FORMULA]


def test_symposium_contributions_csv_writes_hostile_text_as_text(client, world, symposium):
    factories.ContributionFactory(symposium=symposium, text="+cmd|' /C calc'!A0")
    client.force_login(world.people["member"])
    response = client.get(
        reverse("symposium_contributions_csv", kwargs={"slug": "keighley", "pk": symposium.pk})
    )
    assert read(response)[1][1] == "'+cmd|' /C calc'!A0"
