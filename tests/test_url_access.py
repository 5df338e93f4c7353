"""Walks every URL of the platform for every role and checks who gets in.

A new URL fails `test_every_url_is_in_the_table` until its app gives it an access rule in a
module of tests/url_tables/.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .url_tables import ACCESS, MEMBER_ROLES, ROLES, URLS

# URL names that belong to libraries and are tested as those libraries test them.
LIBRARY_URL_PREFIXES = ("admin:", "account_", "socialaccount_", "mfa_", "usersessions_")


def all_url_names(patterns=None, namespace=""):
    names = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= all_url_names(pattern.url_patterns, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_url_is_in_the_table():
    ours = {n for n in all_url_names() if not n.startswith(LIBRARY_URL_PREFIXES)}
    assert ours - set(URLS) == set(), "give each new URL an access rule in URLS"


def client_for(client, world, role):
    if role == "anonymous":
        return client
    person = world.outsider if role == "outsider" else world.people[role]
    client.force_login(person)
    return client


@pytest.mark.parametrize("name", sorted(URLS))
def test_url_answers_each_role_as_expected(world, name):
    """One world per URL and every role in turn, each visit in a savepoint rolled back after it,
    so no role sees what another's visit changed. (A world per URL and role made this walk half
    of the whole suite's time.)"""
    kwargs, rule = URLS[name]
    url = reverse(name, kwargs=kwargs(world))
    answers = {}
    for role in ROLES:
        with transaction.atomic():
            answers[role] = client_for(Client(), world, role).get(url).status_code
            transaction.set_rollback(True)
    assert answers == {role: ACCESS[rule](role) for role in ROLES}


@pytest.mark.parametrize("role", MEMBER_ROLES)
@pytest.mark.parametrize(
    "name",
    [
        "partnership",
        "members",
        "focus_issue",
        "timeline",
        "early_impact",
        "journey",
        "history",
        "partnership_edit",
    ],
)
def test_member_of_one_partnership_gets_404_from_another(client, world, name, role):
    client.force_login(world.people[role])
    response = client.get(reverse(name, kwargs={"slug": "holme-wood"}))
    assert response.status_code == 404


@pytest.mark.parametrize("role", ["backbone", "board", "staff"])
def test_board_and_backbone_see_every_partnership_in_their_authority(client, world, role):
    client.force_login(world.people[role])
    assert client.get(reverse("partnership", kwargs={"slug": "holme-wood"})).status_code == 200


@pytest.mark.parametrize("role", ["backbone", "board"])
def test_board_and_backbone_do_not_see_another_authority(client, world, role):
    client.force_login(world.people[role])
    assert client.get(reverse("partnership", kwargs={"slug": "leeds-area"})).status_code == 404


def test_a_member_of_another_partnership_cannot_change_a_member_of_this_one(client, world):
    client.force_login(world.outsider)
    url = reverse(
        "member_edit", kwargs={"slug": "leeds-area", "pk": world.coordinator_membership.pk}
    )
    assert client.get(url).status_code == 404


def test_non_public_partnership_has_no_public_page(client, world):
    world.keighley.is_public = False
    world.keighley.save()
    assert client.get(reverse("area", kwargs={"slug": "keighley"})).status_code == 404
