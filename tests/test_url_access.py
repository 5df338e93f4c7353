"""Walks every URL of the platform for every role and checks who gets in.

A new URL fails `test_every_url_is_in_the_table` until it is given an access rule here.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from actlocally.partnerships import services

# Who may do what, in the words of the permission table (actlocally/authorization/permissions.py).
MEMBER_ROLES = [
    "coordinator",
    "research_partner",
    "member",
    "community_rep",
    "young_person",
    "commissioner",
    "observer",
]
ROLES = ["anonymous", "no_role", "outsider", "backbone", "board", "staff", *MEMBER_ROLES]
VIEWERS = {"backbone", "board", "staff", *MEMBER_ROLES}
MANAGERS = {"coordinator", "backbone", "staff"}

ACCESS = {
    # "public": anyone. "signed_in": any signed-in person. Others are partnership or authority rules.
    "public": lambda role: 200,
    "signed_in": lambda role: 302 if role == "anonymous" else 200,
    "view": lambda role: 302 if role == "anonymous" else (200 if role in VIEWERS else 404),
    "manage": lambda role: (
        302 if role == "anonymous" else 200 if role in MANAGERS else 403 if role in VIEWERS else 404
    ),
    "update_journey": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in MANAGERS | {"research_partner"}
        else 403
        if role in VIEWERS
        else 404
    ),
    "la_view": lambda role: (
        302 if role == "anonymous" else 200 if role in {"staff", "backbone", "board"} else 404
    ),
    "la_add": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone"}
        else 403
        if role == "board"
        else 404
    ),
    "manage_organisations": lambda role: (
        302
        if role == "anonymous"
        else 200
        if role in {"staff", "backbone", "coordinator", "outsider"}
        else 403
    ),
    "site_staff": lambda role: 200 if role == "staff" else 302,
}


def invitation_token(world):
    _invitation, token = services.invite_member(
        partnership=world.keighley,
        email="new.person@example.org",
        full_name="New Person",
        role="member",
        base_url="http://testserver",
        by=world.people["coordinator"],
    )
    return token


# url name -> (kwargs from the world, access rule)
URLS = {
    "home": (lambda w: {}, "public"),
    "area": (lambda w: {"slug": "keighley"}, "public"),
    "invitation": (lambda w: {"token": invitation_token(w)}, "public"),
    "dashboard": (lambda w: {}, "signed_in"),
    "profile": (lambda w: {}, "signed_in"),
    "organisations:list": (lambda w: {}, "signed_in"),
    "organisations:detail": (lambda w: {"pk": w.organisation.pk}, "signed_in"),
    "organisations:new": (lambda w: {}, "manage_organisations"),
    "organisations:edit": (lambda w: {"pk": w.organisation.pk}, "manage_organisations"),
    "local_authority": (lambda w: {"code": "E08000032"}, "la_view"),
    "partnership_create": (lambda w: {"code": "E08000032"}, "la_add"),
    "partnership": (lambda w: {"slug": "keighley"}, "view"),
    "partnership_edit": (lambda w: {"slug": "keighley"}, "manage"),
    "members": (lambda w: {"slug": "keighley"}, "view"),
    "member_invite": (lambda w: {"slug": "keighley"}, "manage"),
    "member_edit": (lambda w: {"slug": "keighley", "pk": w.coordinator_membership.pk}, "manage"),
    "focus_issue": (lambda w: {"slug": "keighley"}, "view"),
    "focus_issue_new": (lambda w: {"slug": "keighley"}, "manage"),
    "focus_issue_edit": (lambda w: {"slug": "keighley"}, "manage"),
    "timeline": (lambda w: {"slug": "keighley"}, "view"),
    "timeline_new": (lambda w: {"slug": "keighley"}, "manage"),
    "timeline_edit": (lambda w: {"slug": "keighley", "pk": w.event.pk}, "manage"),
    "early_impact": (lambda w: {"slug": "keighley"}, "view"),
    "history": (lambda w: {"slug": "keighley"}, "manage"),
    "journey": (lambda w: {"slug": "keighley"}, "view"),
    "journey_step": (lambda w: {"slug": "keighley", "key": "hold-learning-symposium"}, "view"),
    "admin:index": (lambda w: {}, "site_staff"),
}

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


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(URLS))
def test_url_answers_each_role_as_expected(client, world, name, role):
    kwargs, rule = URLS[name]
    response = client_for(client, world, role).get(reverse(name, kwargs=kwargs(world)))
    assert response.status_code == ACCESS[rule](role)


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
