"""The one write so far: an action's owner says how it is going, with a read and write token;
the permission table decides who may, as on the action's update page."""

import pytest
from auditlog.models import LogEntry
from django.core.cache import cache
from django.urls import reverse

from actlocally.actions.models import ProgressNote
from actlocally.api import services

from . import factories


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    cache.clear()


@pytest.fixture
def action(world):
    return factories.ActionFactory(
        partnership=world.keighley, owner=world.people["member"], status="on_track"
    )


def progress_url(action):
    return reverse("api:action_progress", kwargs={"slug": "keighley", "pk": action.pk})


def post(client, action, person, data, scope="read_write"):
    _token, secret = services.create_token(
        person=person, name="Updates", scope=scope, days=7, by=person
    )
    return client.post(
        progress_url(action),
        data,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {secret}",
    )


def test_owner_adds_progress_with_a_read_write_token(client, world, action):
    owner = world.people["member"]
    response = post(client, action, owner, {"status": "at_risk", "note": "Dentist delayed."})
    assert response.status_code == 201
    assert response.json()["status"] == "at_risk"
    note = ProgressNote.objects.get(action=action)
    assert (note.text, note.written_by) == ("Dentist delayed.", owner)


def test_progress_through_the_api_is_audited_as_the_token_owner(client, world, action):
    owner = world.people["member"]
    post(client, action, owner, {"status": "done"})
    entry = LogEntry.objects.filter(
        content_type__model="action", object_pk=str(action.pk), action=LogEntry.Action.UPDATE
    ).get()
    assert entry.actor == owner


def test_read_only_token_cannot_add_progress(client, world, action):
    response = post(client, action, world.people["member"], {"status": "done"}, scope="read")
    assert response.status_code == 403
    assert not ProgressNote.objects.exists()


@pytest.mark.parametrize("role", ["young_person", "board", "research_partner"])
def test_someone_who_does_not_own_the_action_is_refused_403(client, world, action, role):
    response = post(client, action, world.people[role], {"status": "done"})
    assert response.status_code == 403
    assert "Your role in this partnership" in response.json()["detail"]


def test_someone_who_cannot_see_the_partnership_gets_404(client, world, action):
    assert post(client, action, world.outsider, {"status": "done"}).status_code == 404


def test_coordinator_adds_progress_to_any_action(client, world, action):
    assert post(client, action, world.people["coordinator"], {"status": "done"}).status_code == 201


@pytest.mark.parametrize(
    ("data", "field"),
    [({"status": "finished"}, "status"), ({"status": "on_track", "note": " "}, "note")],
)
def test_progress_that_says_nothing_new_or_wrong_is_400(client, world, action, data, field):
    response = post(client, action, world.people["member"], data)
    assert response.status_code == 400
    assert field in response.json()
    assert not ProgressNote.objects.exists()
