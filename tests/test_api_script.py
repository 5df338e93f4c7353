"""A research partner's script reads a partnership's action plan with a personal API token, as
the README shows: first through Django's test client, then with plain urllib over HTTP."""

import json
import urllib.error
import urllib.request

import pytest
from django.urls import reverse

from actlocally.api import services

from . import factories


def token_for(person) -> str:
    _token, secret = services.create_token(
        person=person, name="Action plan export", scope="read", days=30, by=person
    )
    return secret


def test_a_token_authenticated_script_reads_the_action_plan(client, world):
    factories.ActionFactory(partnership=world.keighley, title="Supervised tooth brushing")
    secret = token_for(world.people["research_partner"])
    response = client.get(
        reverse("api:actions", kwargs={"slug": "keighley"}), HTTP_AUTHORIZATION=f"Bearer {secret}"
    )
    assert response.status_code == 200
    assert [a["title"] for a in response.json()["results"]] == ["Supervised tooth brushing"]


def fetch(url: str, secret: str) -> dict:
    request = urllib.request.Request(  # noqa: S310 (the test's own live server)
        url, headers={"Authorization": f"Bearer {secret}", "Accept": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return json.load(response)


def read_all(url: str, secret: str) -> list[dict]:
    """What a script does: follow `next` until the last page."""
    rows = []
    while url:
        page = fetch(url, secret)
        rows += page["results"]
        url = page["next"]
    return rows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_script_reads_every_page_of_actions_over_http(live_server, world):
    for n in range(5):
        factories.ActionFactory(partnership=world.keighley, title=f"Action {n}")
    secret = token_for(world.people["research_partner"])
    base = live_server.url + reverse("api:actions", kwargs={"slug": "keighley"})
    rows = read_all(f"{base}?page_size=2", secret)
    assert sorted(r["title"] for r in rows) == [f"Action {n}" for n in range(5)]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_script_with_a_revoked_token_is_told_why_over_http(live_server, world):
    person = world.people["research_partner"]
    secret = token_for(person)
    services.revoke_token(token=person.api_tokens.get(), by=person)
    url = live_server.url + reverse("api:actions", kwargs={"slug": "keighley"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(url, secret)
    assert refused.value.code == 401
    assert "revoked" in json.load(refused.value)["detail"]
