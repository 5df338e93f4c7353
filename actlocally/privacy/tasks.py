"""Background work of the privacy app: making a subject access export, and the nightly purge of
what the retention schedule says has expired (jobs/schedule.py runs it)."""

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from actlocally.jobs.services import running

from . import access, retention


@task()
def export_subject_data(*, job_id: str, person_id: int) -> None:
    with running(job_id) as progress:
        person = get_user_model().objects.get(pk=person_id)
        progress.stage(_("Finding everything held about the person"), percent=10)
        content, tables = access.build_zip(person, progress)
        progress.did(
            ngettext("%(n)s table with data", "%(n)s tables with data", tables) % {"n": tables}
        )
        progress.result_file(
            filename=f"subject-access-{timezone.localdate():%Y-%m-%d}.zip",
            content=content,
            label=_("Download the data (ZIP of JSON files and a PDF summary)"),
        )


@task()
def purge_expired_personal_data() -> dict:
    """Run nightly by the scheduler; returns how many rows each purge removed."""
    return retention.purge_expired()
