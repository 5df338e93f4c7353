"""Places work that runs in the background: uploads (the upload page stores the files and starts a
job; the importers run on them and report progress on the job's page), and England's ranking as
a CSV file."""

from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from actlocally.jobs.services import JobFailed, running

from . import exports, selectors
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
                e.problems(),
                more=e.more,
                stage=_("The file was refused: nothing was imported from it"),
            ) from e
        progress.result(url=reverse("places"), label=_("See the deprivation ranking"))


@task()
def export_ranking(*, job_id: str, release: str, measure: str, level: str) -> None:
    """England's ranking of wards or LSOAs as a CSV file the job's starter downloads."""
    with running(job_id) as progress:
        chosen = selectors.choose_release(release)
        if chosen is None or chosen.key != release:
            raise JobFailed(
                [{"message": _("Release %(key)s is no longer loaded.") % {"key": release}}]
            )
        progress.stage(_("Ranking every area in England"), percent=10)
        rows = selectors.ranking(chosen, measure, level, None)
        progress.stage(_("Writing the file"), percent=60)
        content = exports.ranking_csv_bytes(rows)
        progress.did(
            ngettext("%(n)s area ranked", "%(n)s areas ranked", len(rows)) % {"n": f"{len(rows):,}"}
        )
        progress.result_file(
            filename=f"england-{level}-{measure}-{chosen.key}.csv",
            content=content,
            label=_("Download the ranking (CSV)"),
        )
