"""What a person can see of a background job (percent, stage, what was done, errors, result), and
the small records the scheduler and worker keep (last runs, heartbeats)."""

import uuid

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("In progress")
        SUCCEEDED = "succeeded", _("Finished")
        FAILED = "failed", _("Failed")

    # A random id: the page's address says nothing about how many jobs there are.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=60)
    title = models.CharField(_("title"), max_length=200)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="jobs"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    percent = models.PositiveSmallIntegerField(default=0)
    stage = models.CharField(max_length=200, blank=True)
    # Lines saying what was done ("Schools: 12 new, 3 updated"), in order.
    done = models.JSONField(default=list, blank=True)
    # Problems to fix: {"file", "row", "column", "message"}; `errors_more` counts the rest.
    errors = models.JSONField(default=list, blank=True)
    errors_more = models.PositiveIntegerField(default=0)
    result_url = models.CharField(max_length=300, blank=True)
    result_label = models.CharField(max_length=200, blank=True)
    # A file the job made (an export), in default_storage: only its starter may download it,
    # and it is deleted with the job after RETENTION_DAYS.
    result_file = models.CharField(max_length=300, blank=True)
    # The django-tasks result id, to find the task row behind the job.
    task_id = models.CharField(max_length=64, blank=True)
    # Files the job reads from default_storage; deleted when the job ends.
    files = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "kind": "not personal",
        "title": "not personal",
        "started_by": "personal: link to a person; purged with the job after RETENTION_DAYS",
        "status": "not personal",
        "percent": "not personal",
        "stage": "not personal",
        "done": "not personal (counts of imported rows)",
        "errors": "not personal (rows and columns of open data files)",
        "errors_more": "not personal",
        "result_url": "not personal",
        "result_label": "not personal",
        "result_file": "not personal (a storage name); the file may hold what its starter could "
        "see (a partnership's history names people): only they may download it, and it is "
        "deleted with the job",
        "task_id": "not personal",
        "files": "not personal (names of uploaded open data files); deleted when the job ends",
        "created_at": "not personal",
        "started_at": "not personal",
        "finished_at": "not personal",
    }

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="job_percent_at_most_100"),
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "succeeded", "failed"]),
                name="job_status_is_known",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("job_detail", kwargs={"pk": self.pk})

    def delete_result_file(self) -> None:
        if self.result_file:
            default_storage.delete(self.result_file)

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.SUCCEEDED, self.Status.FAILED}


class ScheduledRun(models.Model):
    """When the scheduler last queued each scheduled job; updating it claims the run, so two
    schedulers never queue the same run twice."""

    name = models.CharField(max_length=60, primary_key=True)
    last_run_at = models.DateTimeField()

    PERSONAL_DATA = {"last_run_at": "not personal"}

    def __str__(self):
        return self.name


class Heartbeat(models.Model):
    """The last time the scheduler, and a worker (by running a task), showed they are alive."""

    name = models.CharField(max_length=30, primary_key=True)
    seen_at = models.DateTimeField()

    PERSONAL_DATA = {"seen_at": "not personal"}

    def __str__(self):
        return self.name
