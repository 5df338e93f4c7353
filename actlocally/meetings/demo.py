"""Demo meetings for the three Bradford partnerships, from the timelines in shared/seeds/002.

Dates and topics are the source's; it gives no times, venues, attendance or minutes, so those
are illustrative (10:00 to 12:00, the area's name as the place, minutes in a sentence). Actions
the source ties to a meeting are added from that meeting's minutes, so they link back to it.
The next three termly meetings are scheduled after the day the demo is loaded, and the first
has its agenda built from the action plan.
"""

import datetime

from django.utils import timezone

from actlocally.actions.demo import ILLUSTRATIVE
from actlocally.actions.models import Action
from actlocally.actions.services import add_progress

from . import services
from .terms import next_termly_dates

D = datetime.date
START, END = datetime.time(10, 0), datetime.time(12, 0)
ILLUSTRATIVE_MINUTES = "Illustrative minutes: the source material records the topics only."

# A meeting: (date, kind, focus, [agenda item titles], {item title: [decisions]},
#             [(new action title, owner persona, outcome number, status, due in days)])
# "@" before an item title links it to the partnership's action with that title.
MEETINGS = {
    "keighley": [
        (D(2023, 11, 24), "partnership", "", ["Actions agreed at the learning symposium"], {}, []),
        (
            D(2024, 2, 23),
            "partnership",
            "Supervised tooth brushing (BRUSH) and recording school absences for dental reasons",
            [
                "@Develop a Keighley campaign for supervised tooth brushing (BRUSH)",
                "Recording school absences for dental reasons",
            ],
            {
                "Recording school absences for dental reasons": [
                    "Keighley schools agree to record school absences due to dental reasons."
                ]
            },
            [
                (
                    "Keighley schools record school absences for dental reasons",
                    "member",
                    4,
                    "on_track",
                    60,
                )
            ],
        ),
        (
            D(2024, 4, 26),
            "partnership",
            "Community dental service, Healthy Start vouchers, Bradford Food Survey",
            [
                "Community dental service",
                "@Increase take-up of Healthy Start vouchers by eligible Keighley families",
                "Bradford Food Survey",
            ],
            {},
            [
                (
                    "Invite the community dental service to work with Keighley schools",
                    "commissioner",
                    4,
                    "not_started",
                    -30,
                ),
                (
                    "Share Keighley's results from the Bradford Food Survey",
                    "researcher",
                    6,
                    "done",
                    -500,
                ),
            ],
        ),
        (
            D(2024, 10, 7),
            "partnership",
            "",
            [
                "Feedback from session with commissioners and next steps",
                "Feedback from Keighley Food Conversation",
                "Our convening partnership capability analysis",
            ],
            {},
            [],
        ),
    ],
    "holme-wood": [
        (D(2024, 2, 20), "partnership", "", ["Review actions"], {}, []),
        (
            D(2024, 4, 25),
            "partnership",
            "",
            ["Review actions", "Resident led problem based learning session"],
            {},
            [],
        ),
        (
            D(2024, 5, 21),
            "task_and_finish",
            "",
            ["Act Locally model", "National Lottery bid", "School Hub development"],
            {},
            [],
        ),
        (D(2024, 6, 13), "partnership", "", ["Review actions"], {}, []),
        (
            D(2025, 2, 20),
            "partnership",
            "",
            [
                "Review of summer consultation on school health hub",
                "Work of the Holme Wood Community Safety Partnership",
                "@Plan our Holme Wood one stop health shop",
                "Convening partnership capability analysis",
            ],
            {},
            [],
        ),
    ],
    "manningham-girlington": [
        # The source says "December 2023" without a day: the 6th is illustrative.
        (
            D(2023, 12, 6),
            "partnership",
            "",
            ["Input from young people", "Review and update the action plan"],
            {},
            [],
        ),
        (
            D(2024, 2, 7),
            "partnership",
            "",
            ["Review actions from previous meetings", "The Thrive Model for Healthy Minds"],
            {},
            [],
        ),
        (
            D(2024, 6, 4),
            "task_and_finish",
            "",
            ["Act Locally model", "National Lottery bid", "School Hub development"],
            {},
            [],
        ),
        (
            D(2024, 6, 12),
            "partnership",
            "",
            ["Input from Oasis Lister Academy Community Group"],
            {},
            [],
        ),
        (
            D(2024, 9, 12),
            "partnership",
            "",
            [
                "Input from Girlington Centre",
                "Review of impact over the last academic year",
                "Feedback from south Asian girls and neurodiversity project",
                "Convening partnership capability analysis",
            ],
            {},
            [],
        ),
    ],
}

COORDINATORS = {
    "keighley": "coordinator",
    "holme-wood": "coordinator_hw",
    "manningham-girlington": "coordinator_mg",
}


def load_demo(context) -> None:
    today = timezone.localdate()
    for slug, meetings in MEETINGS.items():
        p = context.partnerships[slug]
        by = context.people[COORDINATORS[slug]]
        members = list(p.memberships.values_list("person_id", flat=True))
        outcomes = {o.order: o for o in p.focus_issues.get(status="active").outcomes.all()}
        place = f"{p.area_name} (venue illustrative)"
        for day, kind, focus, items, decisions, new_actions in meetings:
            meeting = services.schedule_meeting(
                partnership=p,
                kind=kind,
                focus=focus,
                starts_at=services.at(day, START),
                ends_at=services.at(day, END),
                location=place,
                by=by,
            )
            services.add_agenda_item(meeting=meeting, title=services.OPENING_ITEM, by=by)
            for title in items:
                action = None
                if title.startswith("@"):
                    title = title[1:]
                    action = Action.objects.get(partnership=p, title=title)
                services.add_agenda_item(meeting=meeting, title=title, action=action, by=by)
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
            for title, owner, outcome, status, due_in in new_actions:
                action = services.create_action_from_minutes(
                    meeting=meeting,
                    title=title,
                    owner=context.people[owner],
                    outcome=outcomes[outcome],
                    status=status,
                    due_on=today + datetime.timedelta(days=due_in),
                    by=by,
                )
                add_progress(
                    action=action,
                    status=status,
                    note=ILLUSTRATIVE,
                    at=services.at(day, END),
                    by=context.by,
                )
        last = meetings[-1][0]
        upcoming = services.schedule_termly_meetings(
            partnership=p,
            dates=next_termly_dates(today, weekday=last.weekday()),
            start=START,
            end=END,
            location=place,
            by=by,
        )
        services.generate_agenda(meeting=upcoming[0], by=by)
