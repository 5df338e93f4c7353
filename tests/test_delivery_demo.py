"""The demo gives each Bradford partnership an action plan, a theory of change and meetings."""

import pytest
from django.utils import timezone

from actlocally.journey.models import StepProgress
from actlocally.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, settings):
    settings.DEMO_MODE = True


def test_each_partnership_has_actions_a_theory_and_meetings_to_come(demo):
    found = {
        p.slug: (
            p.actions.exists(),
            p.theories_of_change.filter(elements__kind="outcome").exists(),
            p.meetings.filter(status="scheduled", starts_at__gt=timezone.now()).count(),
        )
        for p in Partnership.objects.all()
    }
    assert set(found.values()) == {(True, True, 3)}


def test_demo_actions_agreed_at_a_meeting_link_back_to_it(demo):
    keighley = Partnership.objects.get(slug="keighley")
    action = keighley.actions.get(
        title="Keighley schools record school absences for dental reasons"
    )
    assert timezone.localtime(action.meeting.starts_at).date().isoformat() == "2024-02-23"


def test_demo_theory_of_change_ticks_its_journey_step(demo):
    assert (
        StepProgress.objects.filter(step__key="develop-theory-of-change", status="done").count()
        == 3
    )
