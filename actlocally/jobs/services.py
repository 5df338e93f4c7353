"""Starting background jobs and recording their progress.

A long piece of work is a django-tasks task that takes a `job_id`; `start_job` records the job
and queues the task once the transaction commits; the task wraps its work in `running(job_id)`
and reports through the `Progress` it gets. The job row is who started it (its audit record);
progress updates are not audited, they are the job's own log.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from .models import Heartbeat, Job

logger = logging.getLogger(__name__)


def start_job(*, kind: str, title: str, task, kwargs: dict[str, Any], files=(), by) -> Job:
    """Record a job and queue `task(job_id=…, **kwargs)` after the transaction commits."""
    with transaction.atomic():
        job = Job.objects.create(kind=kind, title=title, started_by=by, files=list(files))
        transaction.on_commit(lambda: _enqueue(job, task, kwargs))
    return job


def _enqueue(job: Job, task, kwargs: dict[str, Any]) -> None:
    result = task.enqueue(job_id=str(job.pk), **kwargs)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))


class JobFailed(Exception):
    """Raised inside `running` to end a job with problems for the person to fix."""

    def __init__(self, errors: list[dict], *, more: int = 0, stage: str = ""):
        self.errors = errors
        self.more = more
        self.stage = stage
        super().__init__("; ".join(e.get("message", "") for e in errors[:3]))


class Progress:
    """What a running job says about itself; each call is saved at once, so the page sees it."""

    def __init__(self, job: Job):
        self.job = job

    def stage(self, text: str, *, percent: int | None = None) -> None:
        self.job.stage = text
        fields = ["stage"]
        if percent is not None:
            self.job.percent = max(0, min(100, int(percent)))
            fields.append("percent")
        self.job.save(update_fields=fields)

    def did(self, text: str) -> None:
        self.job.done = [*self.job.done, text]
        self.job.save(update_fields=["done"])

    def result(self, *, url: str, label: str) -> None:
        self.job.result_url = url
        self.job.result_label = label
        self.job.save(update_fields=["result_url", "result_label"])

    def result_file(self, *, filename: str, content: bytes, label: str) -> None:
        """Keep the file the job made; the job's page links to its download, which only the
        person who started the job may fetch."""
        # The name goes into a Content-Disposition header: plain characters only.
        safe = get_valid_filename(filename)
        name = default_storage.save(f"jobs/{self.job.pk}/{safe}", ContentFile(content))
        self.job.result_file = name
        self.job.save(update_fields=["result_file"])
        self.result(url=reverse("job_download", kwargs={"pk": self.job.pk}), label=label)


@contextmanager
def running(job_id: str) -> Iterator[Progress]:
    """Mark the job running; on leaving, finished (100%) or failed with what went wrong. Files
    the job read are deleted either way."""
    job = Job.objects.select_related("started_by").get(pk=job_id)
    job.status = Job.Status.RUNNING
    job.started_at = timezone.now()
    job.save(update_fields=["status", "started_at"])
    progress = Progress(job)
    try:
        yield progress
    except JobFailed as e:
        _finish(job, Job.Status.FAILED, errors=e.errors, more=e.more, stage=e.stage)
    except Exception:
        logger.exception("job failed", extra={"job_id": str(job.pk), "kind": job.kind})
        message = _("Something went wrong on our side. Nothing was changed. Try again later.")
        _finish(job, Job.Status.FAILED, errors=[{"message": message}])
        raise
    else:
        _finish(job, Job.Status.SUCCEEDED)


def _finish(job: Job, status: str, *, errors=(), more: int = 0, stage: str = "") -> None:
    for name in job.files:
        default_storage.delete(name)
    job.status = status
    job.finished_at = timezone.now()
    job.errors = list(errors)
    job.errors_more = more
    if status == Job.Status.SUCCEEDED:
        job.percent = 100
        job.stage = _("Finished")
    elif stage:
        job.stage = stage
    job.save()


def beat(name: str) -> None:
    """Record that `name` (the scheduler, or a worker) is alive now."""
    Heartbeat.objects.update_or_create(name=name, defaults={"seen_at": timezone.now()})
