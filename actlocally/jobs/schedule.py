"""The platform's timetable: which tasks run when, and the one function that queues those due.

`manage.py run_scheduler` calls `queue_due` every few seconds. Each entry is claimed by updating
its ScheduledRun row from the last run it saw, so running two schedulers queues each run once.
"""

import datetime
import logging
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Every:
    seconds: int

    def last_due(self, now: datetime.datetime, last_run: datetime.datetime | None):
        if last_run is None or now - last_run >= datetime.timedelta(seconds=self.seconds):
            return now
        return None


@dataclass(frozen=True)
class Daily:
    """At a local time each day; weekday (0 = Monday) makes it weekly."""

    at: datetime.time
    weekday: int | None = None

    def last_due(self, now: datetime.datetime, last_run: datetime.datetime | None):
        local = timezone.localtime(now)
        due = local.replace(hour=self.at.hour, minute=self.at.minute, second=0, microsecond=0)
        if due > local:
            due -= datetime.timedelta(days=1)
        if self.weekday is not None:
            due -= datetime.timedelta(days=(due.weekday() - self.weekday) % 7)
        if last_run is None or last_run < due:
            return due
        return None


@dataclass(frozen=True)
class Entry:
    name: str
    when: Every | Daily
    task: str  # dotted path of a django-tasks task
    # Queued so often that logging each run would drown the console: logged at DEBUG.
    quiet: bool = False


SCHEDULE = [
    Entry("worker-heartbeat", Every(30), "actlocally.jobs.tasks.worker_heartbeat", quiet=True),
    # Names guests typed (at symposia, and every feature built on participation/) are kept for
    # the time each feature promises (30 days after a symposium, in the README), then erased.
    Entry(
        "forget-guest-names",
        Daily(datetime.time(2, 0)),
        "actlocally.participation.tasks.forget_guest_names",
    ),
    # The retention schedule (privacy/retention.py, docs/retention.md): expired invitations,
    # sessions, email confirmations, old notifications, feedback and audit entries.
    Entry(
        "purge-expired-personal-data",
        Daily(datetime.time(2, 30)),
        "actlocally.privacy.tasks.purge_expired_personal_data",
    ),
    Entry(
        "purge-old-records", Daily(datetime.time(3, 0)), "actlocally.jobs.tasks.purge_old_records"
    ),
    Entry(
        "action-reminders",
        Daily(datetime.time(7, 0)),
        "actlocally.notifications.tasks.send_action_reminders",
    ),
    Entry(
        "weekly-digest",
        Daily(datetime.time(7, 30), weekday=0),
        "actlocally.notifications.tasks.send_weekly_digests",
    ),
]


def queue_due(now: datetime.datetime | None = None, schedule=SCHEDULE) -> list[str]:
    """Queue every entry that is due and not yet claimed; returns the names queued."""
    now = now or timezone.now()
    last_runs = dict(ScheduledRun.objects.values_list("name", "last_run_at"))
    queued = []
    quiet = set()
    for entry in schedule:
        last_run = last_runs.get(entry.name)
        if entry.when.last_due(now, last_run) is None:
            continue
        with transaction.atomic():
            if last_run is None:
                claimed = ScheduledRun.objects.get_or_create(
                    name=entry.name, defaults={"last_run_at": now}
                )[1]
            else:
                claimed = ScheduledRun.objects.filter(name=entry.name, last_run_at=last_run).update(
                    last_run_at=now
                )
            if claimed:
                import_string(entry.task).enqueue()
                queued.append(entry.name)
                if entry.quiet:
                    quiet.add(entry.name)
    if queued:
        level = logging.DEBUG if quiet.issuperset(queued) else logging.INFO
        logger.log(level, "scheduled tasks queued", extra={"tasks": ",".join(queued)})
    return queued


QUIET = frozenset(entry.name for entry in SCHEDULE if entry.quiet)
