"""Large uploads of indicator data run in the background, reporting on the job's page."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from actlocally.jobs.services import JobFailed, running
from actlocally.partnerships.models import Partnership

from .importers import ImportRefused, import_figures


@task()
def import_data(*, job_id: str, partnership_id: int, path: str, name: str) -> None:
    """Check every row of the stored file, then save it all, or nothing with every problem."""
    with running(job_id) as progress:
        partnership = Partnership.objects.get(pk=partnership_id)
        progress.stage(_("Checking every row"), percent=10)
        with default_storage.open(path, "rb") as f:
            data = f.read()
        try:
            saved = import_figures(
                data=data, name=name, partnership=partnership, by=progress.job.started_by
            )
        except ImportRefused as e:
            raise JobFailed(
                e.problems(),
                more=e.more,
                stage=_("The file was refused: nothing was saved from it"),
            ) from e
        progress.did(_("%(n)s figures saved") % {"n": f"{saved:,}"})
        progress.result(
            url=reverse("measurement", kwargs={"slug": partnership.slug}),
            label=_("See the partnership's indicators"),
        )
