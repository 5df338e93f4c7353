"""The linkage run in the background: its job's page shows each stage as it goes."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from actlocally.jobs.services import JobFailed, running

from . import services
from .models import LinkageRun


@task()
def link_project_task(*, job_id: str, run_id: int) -> None:
    with running(job_id) as progress:
        run = LinkageRun.objects.select_related("project__partnership").get(pk=run_id)
        try:
            services.run_linkage(
                run=run,
                progress=lambda percent, stage: progress.stage(stage, percent=percent),
                by=progress.job.started_by,
            )
        except (ValueError, FileNotFoundError) as e:
            message = (
                _("Load at least two extracts with names before linking.")
                if isinstance(e, ValueError)
                else _("The identifier store is empty: load the extracts again, then link.")
            )
            raise JobFailed([{"message": message}], stage=_("Not linked")) from e
        progress.did(
            _("%(records)s records linked into %(people)s people")
            % {"records": run.records, "people": run.people}
        )
        progress.result(
            url=reverse("linkage_quality", kwargs={"pk": run.project_id}),
            label=_("Read the linkage quality report"),
        )
