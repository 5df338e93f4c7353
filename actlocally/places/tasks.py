"""Uploads of places data run in the background: the upload page stores the files and starts a
job; this task runs the importers on them and reports progress on the job's page."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from actlocally.jobs.services import JobFailed, running

from .importers import (
    ImportRefused,
    import_boundaries,
    import_deprivation,
    import_lookup,
    import_schools,
)


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
            if kind == "deprivation":
                progress.stage(_("Reading %(n)s files") % {"n": len(files)}, percent=10)
                result = import_deprivation(
                    release_key=release,
                    year=int(release[-4:]),
                    geography=geography,
                    files=[(name, _read(path)) for path, name in files],
                    by=by,
                )
                progress.did(str(result))
            else:
                for n, (path, name) in enumerate(files):
                    progress.stage(
                        _("Importing %(name)s (file %(n)s of %(total)s)")
                        % {"name": name, "n": n + 1, "total": len(files)},
                        percent=int(100 * n / len(files)),
                    )
                    if kind == "schools":
                        importer = import_schools
                    elif name.lower().endswith((".geojson", ".json")):
                        importer = import_boundaries
                    else:
                        importer = import_lookup
                    progress.did(str(importer(source=_read(path), name=name, by=by)))
        except ImportRefused as e:
            raise JobFailed(
                [
                    {"file": x.file, "row": x.row, "column": x.column, "message": x.message}
                    for x in e.errors
                ],
                more=e.more,
                stage=_("The file was refused: nothing was imported from it"),
            ) from e
        progress.result(url=reverse("places"), label=_("See the deprivation ranking"))
