"""Site staff can open the admin pages of actions, meetings and theories of change."""

import pytest
from django.urls import reverse

from . import factories


@pytest.mark.parametrize(
    ("name", "make"),
    [
        (
            "admin:actions_action_change",
            lambda w: (
                factories.ProgressNoteFactory(
                    action=factories.ActionFactory(partnership=w.keighley)
                ).action
            ),
        ),
        (
            "admin:meetings_meeting_change",
            lambda w: (
                factories.AgendaItemFactory(
                    meeting=factories.MeetingFactory(partnership=w.keighley)
                ).meeting
            ),
        ),
        (
            "admin:theory_theoryofchange_change",
            lambda w: (
                factories.ElementFactory(
                    theory=factories.TheoryOfChangeFactory(focus_issue=w.focus)
                ).theory
            ),
        ),
    ],
)
def test_staff_open_the_admin_change_page(client, world, name, make):
    client.force_login(world.people["staff"])
    assert client.get(reverse(name, args=[make(world).pk])).status_code == 200
