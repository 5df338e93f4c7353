"""The demo's action plans: reads actions.yaml of the demo's data folder (see demo/loader.py).

The source gives no owners, due dates or statuses for Bradford's actions: the data's owners are
demo people, and its dates and statuses are illustrative, set relative to the day the demo is
loaded so that each plan always shows some actions on track, at risk, overdue and done. Each
action says so in its first note. Actions agreed at a meeting are added by the meetings demo.
"""

import datetime

from django.utils import timezone

from . import services

ILLUSTRATIVE = "Illustrative: the source material gives no due date or status for this action."


def load_demo(context) -> None:
    data = context.section("actions")
    if not data:
        return
    today = timezone.localdate()
    now = timezone.now()
    for slug, rows in data["plans"].items():
        partnership = context.partnerships[slug]
        outcomes = {
            o.order: o for o in partnership.focus_issues.get(status="active").outcomes.all()
        }
        for row in rows:
            owner = context.people[row["owner"]]
            action = services.create_action(
                partnership=partnership,
                title=row["title"],
                description=row.get("description", ""),
                owner=owner,
                owner_organisation=context.organisations.get(row.get("organisation")),
                due_on=today + datetime.timedelta(days=row["due_in_days"]),
                status=row["status"],
                outcome=outcomes[row["outcome"]],
                by=context.by,
            )
            services.add_progress(
                action=action,
                status=row["status"],
                note=ILLUSTRATIVE,
                at=now - datetime.timedelta(days=1100),
                by=context.by,
            )
            for note in row.get("progress", []):
                services.add_progress(
                    action=action,
                    status=row["status"],
                    note=note["note"],
                    at=now - datetime.timedelta(days=note["days_ago"]),
                    by=owner,
                )
