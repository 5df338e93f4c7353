"""The demo's meetings: reads meetings.yaml of the demo's data folder (see demo/loader.py).

Each held meeting has its date, topics and agenda from the data; for Bradford the source gives no
times, venues, attendance or minutes, so those are illustrative (the data's times, the area's name
as the place, minutes in a sentence, everyone present but one). Actions the data ties to a meeting
are added from its minutes, so they link back to it. The next three termly meetings are scheduled
after the day the demo is loaded, and the first has its agenda built from the action plan.
"""

import datetime

from django.utils import timezone

from actlocally.actions.demo import ILLUSTRATIVE
from actlocally.actions.models import Action
from actlocally.actions.services import add_progress

from . import services
from .terms import next_termly_dates

ILLUSTRATIVE_MINUTES = "Illustrative minutes: the source material records the topics only."


def load_demo(context) -> None:
    data = context.section("meetings")
    if not data:
        return
    start = datetime.time.fromisoformat(data["starts"])
    end = datetime.time.fromisoformat(data["ends"])
    for slug, plan in data["meetings"].items():
        _load_partnership(context, context.partnerships[slug], plan, start, end)


def _load_partnership(context, p, plan: dict, start, end) -> None:
    today = timezone.localdate()
    by = context.people[plan["organiser"]]
    members = list(p.memberships.values_list("person_id", flat=True))
    outcomes = {o.order: o for o in p.focus_issues.get(status="active").outcomes.all()}
    place = f"{p.area_name} (venue illustrative)"
    for held in plan["held"]:
        day = held["date"]
        meeting = services.schedule_meeting(
            partnership=p,
            kind=held.get("kind", "partnership"),
            focus=held.get("focus", ""),
            starts_at=services.at(day, start),
            ends_at=services.at(day, end),
            location=place,
            by=by,
        )
        decisions = held.get("decisions", {})
        services.add_agenda_item(meeting=meeting, title=services.OPENING_ITEM, by=by)
        for item in held.get("agenda", []):
            # An item is a title, or {action: title} to link the action of that title.
            action = None
            if isinstance(item, dict):
                item = item["action"]
                action = Action.objects.get(partnership=p, title=item)
            services.add_agenda_item(meeting=meeting, title=item, action=action, by=by)
        services.add_agenda_item(meeting=meeting, title=services.CLOSING_ITEM, by=by)
        services.save_minutes(
            meeting=meeting,
            minutes={
                item.pk: (
                    ""
                    if item.title in (services.OPENING_ITEM, services.CLOSING_ITEM)
                    else ILLUSTRATIVE_MINUTES,
                    decisions.get(item.title, []),
                )
                for item in meeting.agenda.all()
            },
            by=by,
        )
        # Illustrative attendance: everyone came but the last member, who sent apologies.
        services.record_attendance(
            meeting=meeting,
            statuses=dict.fromkeys(members[:-1], "attended") | {members[-1]: "apologies"},
            by=by,
        )
        for new in held.get("new_actions", []):
            action = services.create_action_from_minutes(
                meeting=meeting,
                title=new["title"],
                owner=context.people[new["owner"]],
                outcome=outcomes[new["outcome"]],
                status=new["status"],
                due_on=today + datetime.timedelta(days=new["due_in_days"]),
                by=by,
            )
            add_progress(
                action=action,
                status=new["status"],
                note=ILLUSTRATIVE,
                at=services.at(day, end),
                by=context.by,
            )
    last = plan["held"][-1]["date"]
    upcoming = services.schedule_termly_meetings(
        partnership=p,
        dates=next_termly_dates(today, weekday=last.weekday()),
        start=start,
        end=end,
        location=place,
        by=by,
    )
    services.generate_agenda(meeting=upcoming[0], by=by)
