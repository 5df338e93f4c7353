"""Uploads of places data run in the background: the upload page stores the files and starts a
job; this task runs the importers on them and reports progress on the job's page."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from actlocally.jobs.services import JobFailed, running

from .importers import ImportRefused, import_files


def _read(path: str) -> bytes:
    with default_storage.open(path, "rb") as f:
        return f.read()


@task()
def import_upload(
    *, job_id: str, kind: str, files: list[list[str]], release: str = "", geography: str = ""
) -> None:
    """`files` is [[stored path, original name], …]. Each importer is all or nothing for its
    file; a refused file ends the job with the rows to correct."""
    with running(job_id) as progress:
        by = progress.job.started_by
        try:
            progress.stage(
                ngettext("Checking %(n)s file", "Checking %(n)s files", len(files))
                % {"n": len(files)},
                percent=10,
            )
            # One transaction for the whole upload: a refused file keeps none of them.
            results = import_files(
                kind=kind,
                files=[(name, _read(path)) for path, name in files],
                release_key=release,
                geography=geography,
                by=by,
            )
            for result in results:
                progress.did(str(result))
        except ImportRefused as e:
            raise JobFailed(
                [
                    {
                        "file": x.file,
                        "row": x.row,
                        "column": x.column,
                        "message": x.message,
                        "text": str(x),
                    }
                    for x in e.errors
                ],
                more=e.more,
                stage=_("The file was refused: nothing was imported from it"),
            ) from e
        progress.result(url=reverse("places"), label=_("See the deprivation ranking"))
