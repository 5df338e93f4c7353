"""Access rules and URLs of the action plan, theory of change and meetings."""

import datetime

from django.utils import timezone

from actlocally.partnerships.models import Role
from tests import factories

from .foundation import MANAGERS, partnership_rule

ACCESS = {
    # The owner of the action (the "member" in the world) may update it, as may the managers.
    "update_action": partnership_rule(MANAGERS | {"member"}),
    "edit_theory": partnership_rule(MANAGERS | {Role.RESEARCH_PARTNER}),
}


def action(w):
    found = w.keighley.actions.filter(owner=w.people["member"]).first()
    return found or factories.ActionFactory(
        partnership=w.keighley, focus_issue=w.focus, owner=w.people["member"]
    )


def meeting(w, past=False):
    start = timezone.now() + datetime.timedelta(days=-7 if past else 14)
    return factories.MeetingFactory(
        partnership=w.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )


def slug(w):
    return {"slug": "keighley"}


def with_action(w):
    return {"slug": "keighley", "pk": action(w).pk}


def with_meeting(w):
    return {"slug": "keighley", "pk": meeting(w).pk}


def with_past_meeting(w):
    return {"slug": "keighley", "pk": meeting(w, past=True).pk}


URLS = {
    "action_plan": (slug, "view"),
    "action_plan_csv": (slug, "view"),
    "action_new": (slug, "manage"),
    "action_detail": (with_action, "view"),
    "action_edit": (with_action, "manage"),
    "action_update": (with_action, "update_action"),
    "theory_of_change": (slug, "view"),
    "theory_edit": (slug, "edit_theory"),
    "meetings": (slug, "view"),
    "meeting_new": (slug, "manage"),
    "meetings_schedule_termly": (slug, "manage"),
    "meetings_calendar_reset": (slug, "manage"),
    "meeting_publish_agenda": (with_meeting, "manage"),
    "meeting_publish_minutes": (with_past_meeting, "manage"),
    "meeting_detail": (with_meeting, "view"),
    "meeting_edit": (with_meeting, "manage"),
    "meeting_attendance": (with_meeting, "manage"),
    "meeting_agenda": (with_meeting, "manage"),
    "meeting_minutes": (with_past_meeting, "manage"),
    "meeting_action_new": (with_meeting, "manage"),
    "meeting_ics": (with_meeting, "view"),
    "my_calendar": (lambda w: {}, "signed_in"),
    # The feeds answer anyone with the right token (calendar programs cannot sign in); a wrong
    # token is refused in tests/test_meetings_calendar.py.
    "partnership_calendar_feed": (
        lambda w: {"token": factories.CalendarFeedFactory(partnership=w.keighley).token},
        "public",
    ),
    "person_calendar_feed": (
        lambda w: {
            "token": factories.CalendarFeedFactory(
                partnership=None, person=w.people["member"]
            ).token
        },
        "public",
    ),
}
