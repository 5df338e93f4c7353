"""Tasks of the platform itself: the worker's heartbeat, a no-op for checks, and purging old
records after the retention period."""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from . import services
from .models import Job


@task()
def worker_heartbeat() -> None:
    """Queued by the scheduler every 30 seconds: when a worker runs it, /healthz knows a worker
    is taking work off the queue."""
    services.beat("worker")


@task()
def noop() -> str:
    """Does nothing: for the two-instance check and the task round-trip benchmark."""
    return "ok"


@task()
def purge_old_records() -> dict:
    """Delete what is kept only for a while: finished task rows, finished jobs (with the files
    they made) and read notifications older than RETENTION_DAYS."""
    from django_tasks_db.models import DBTaskResult

    from actlocally.notifications.models import Notification

    before = timezone.now() - datetime.timedelta(days=settings.RETENTION_DAYS)
    tasks, _ = DBTaskResult.objects.finished().filter(finished_at__lt=before).delete()
    old_jobs = Job.objects.filter(finished_at__lt=before)
    for job in old_jobs.exclude(result_file=""):
        job.delete_result_file()
    jobs, _ = old_jobs.delete()
    notes, _ = Notification.objects.filter(read_at__lt=before).delete()
    return {"tasks": tasks, "jobs": jobs, "notifications": notes}
