"""Access rules and URLs of the platform's own pages: background jobs, notifications, /healthz."""

from actlocally.jobs import services as job_services
from actlocally.jobs.models import Job
from actlocally.notifications.services import unsubscribe_token
from actlocally.partnerships.models import Role

ACCESS = {
    # A job's page: whoever started it (here the research partner) and site staff; 404 for
    # everyone else, so a job's existence does not leak.
    "job_starter": lambda role: (
        302 if role == "anonymous" else 200 if role in {Role.RESEARCH_PARTNER, "staff"} else 404
    ),
    # The file a job made: only whoever started it, not even site staff (it holds what they
    # were allowed to see).
    "job_file_owner": lambda role: (
        302 if role == "anonymous" else 200 if role == "research_partner" else 404
    ),
}


def job(w):
    started = Job.objects.create(
        kind="test", title="Test job", started_by=w.people["research_partner"]
    )
    return {"pk": started.pk}


def finished_export(w):
    started = Job.objects.create(
        kind="test",
        title="Test export",
        started_by=w.people["research_partner"],
        status=Job.Status.SUCCEEDED,
    )
    job_services.Progress(started).result_file(
        filename="export.csv", content=b"code\n", label="Download"
    )
    return {"pk": started.pk}


def healthy(w):
    # A worker and a scheduler that have just shown they are alive.
    job_services.beat("worker")
    job_services.beat("scheduler")
    return {}


URLS = {
    "job_detail": (job, "job_starter"),
    "job_download": (finished_export, "job_file_owner"),
    "notifications": (lambda w: {}, "signed_in"),
    # The signed token is the key: it works without signing in, for anyone who has the link.
    "notifications_unsubscribe": (
        lambda w: {"token": unsubscribe_token(w.people["coordinator"], "action_overdue")},
        "public",
    ),
    "healthz": (healthy, "public"),
}
