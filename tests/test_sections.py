"""A partnership's sections and panels: each names the permission its page checks, so nobody is
shown a tab or panel they may not open."""

import pytest
import rules

from actlocally.partnerships import navigation

from .url_tables import ROLES

# A data guardian reads the access audit, not the partnerships (ADR 15).
SIGNED_IN_WHO_SEE_KEIGHLEY = [
    r for r in ROLES if r not in ("anonymous", "outsider", "no_role", "data_guardian")
]


def test_every_section_names_a_permission_of_the_table():
    for section in navigation._SECTIONS.values():
        assert section.permission is not None, f"{section.url_name} names no permission"
        assert rules.perm_exists(section.permission), section.permission


@pytest.mark.parametrize("role", SIGNED_IN_WHO_SEE_KEIGHLEY)
def test_every_tab_a_person_is_shown_opens_for_them(client, world, role):
    client.force_login(world.people[role])
    shown = navigation.sections_for(world.keighley, "/", world.people[role])
    assert shown
    for section in shown:
        assert client.get(section["url"]).status_code == 200, section["url"]


def test_a_restricted_section_is_hidden_from_those_without_its_permission(world, monkeypatch):
    monkeypatch.setitem(
        navigation._SECTIONS,
        "history",
        navigation.Section(
            label="History", url_name="history", order=99, permission="partnerships.view_history"
        ),
    )
    member = [
        s["label"] for s in navigation.sections_for(world.keighley, "/", world.people["observer"])
    ]
    coordinator = [
        s["label"]
        for s in navigation.sections_for(world.keighley, "/", world.people["coordinator"])
    ]
    assert "History" not in member and "History" in coordinator


def test_a_restricted_panel_is_hidden_from_those_without_its_permission(world, monkeypatch):
    monkeypatch.setitem(
        navigation._PANELS,
        "secret",
        navigation.Panel(
            template_name="x.html",
            context=lambda **kwargs: {"shown": True},
            order=99,
            permission="partnerships.view_history",
        ),
    )
    member = navigation.panels_for(world.keighley, world.people["observer"])
    coordinator = navigation.panels_for(world.keighley, world.people["coordinator"])
    assert "x.html" not in [t for t, _ in member] and "x.html" in [t for t, _ in coordinator]
