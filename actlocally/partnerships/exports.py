"""A partnership's whole audit history as a CSV file, made by a background job: the history page
shows the latest 200 changes, and a partnership's full record can run to many thousands."""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from actlocally.core.csv import writer
from actlocally.jobs.services import running

from .models import Partnership
from .selectors import history_of

# Kept out of every copy of the history, as on the page: a hash that opens an invitation.
HIDDEN_FIELDS = {"token_hash"}
# How many entries between progress updates, so a long history shows it is moving.
STEP = 1000


def _changes(entry) -> str:
    return "; ".join(
        f"{field}: {values[0]} → {values[1]}"
        for field, values in (entry.changes_dict or {}).items()
        if field not in HIDDEN_FIELDS and isinstance(values, list | tuple) and len(values) == 2
    )


def history_csv_bytes(partnership: Partnership, progress=None) -> tuple[bytes, int]:
    """The file (UTF-8 with a byte order mark, for Excel) and how many entries it holds."""
    entries = history_of(partnership)
    total = entries.count()
    out = io.StringIO()
    out.write("\ufeff")
    csv_out = writer(out)
    csv_out.writerow(["when", "who", "action", "what", "record", "changes"])
    for n, e in enumerate(entries.iterator(chunk_size=STEP), start=1):
        csv_out.writerow(
            [
                timezone.localtime(e.timestamp).isoformat(timespec="seconds"),
                e.actor.full_name if e.actor else _("The platform"),
                e.get_action_display(),
                e.content_type.name if e.content_type else "",
                e.object_repr,
                _changes(e),
            ]
        )
        if progress is not None and n % STEP == 0:
            progress.stage(
                _("Written %(n)s of %(total)s changes") % {"n": n, "total": total},
                percent=10 + 80 * n // max(total, 1),
            )
    return out.getvalue().encode(), total


@task()
def export_history(*, job_id: str, partnership_id: int) -> None:
    with running(job_id) as progress:
        partnership = Partnership.objects.get(pk=partnership_id)
        progress.stage(_("Reading the history"), percent=5)
        content, total = history_csv_bytes(partnership, progress)
        progress.did(
            ngettext("%(n)s change written", "%(n)s changes written", total) % {"n": f"{total:,}"}
        )
        progress.result_file(
            filename=f"history-{partnership.slug}-{timezone.localdate():%Y-%m-%d}.csv",
            content=content,
            label=_("Download the history (CSV)"),
        )
