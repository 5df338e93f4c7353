"""The action plan names each action's intended outcome in words, not "Outcome 2"."""

import csv
import io

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from actlocally.actions import services

pytestmark = pytest.mark.django_db

LONG = (
    "Children and families in Keighley Central eat a healthier diet and fewer children "
    "have tooth decay by the age of five"
)


@pytest.fixture
def action(world):
    outcome = world.focus.outcomes.get()
    outcome.text = LONG
    outcome.save()
    return services.create_action(
        partnership=world.keighley,
        title="Healthy Start Champions training",
        outcome=outcome,
        by=world.people["coordinator"],
    )


def outcome_cell(client, world):
    client.force_login(world.people["member"])
    soup = BeautifulSoup(
        client.get(reverse("action_plan", kwargs={"slug": "keighley"})).content, "html.parser"
    )
    headers = [th.get_text(strip=True) for th in soup.select("table thead th")]
    row = soup.select_one("table tbody tr")
    return row.find_all(["th", "td"])[headers.index("Outcome")]


def test_plan_shows_the_outcomes_words_shortened(client, world, action):
    shown = outcome_cell(client, world).find(attrs={"aria-hidden": "true"}).get_text()
    assert shown.startswith("Children and families in Keighley") and shown.endswith("…")
    assert "Outcome 1" not in outcome_cell(client, world).get_text()


def test_plan_gives_the_whole_outcome_on_hover_and_to_screen_readers(client, world, action):
    cell = outcome_cell(client, world)
    assert cell.span["title"] == LONG
    assert cell.select_one(".govuk-visually-hidden").get_text() == LONG


def test_plan_csv_has_the_whole_outcome(client, world, action):
    client.force_login(world.people["member"])
    response = client.get(reverse("action_plan_csv", kwargs={"slug": "keighley"}))
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0]["Intended outcome"] == LONG
