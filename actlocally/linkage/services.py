"""Every write of the linkage app: projects and their members, loading extracts, linking, and
closing a project. Plain functions, keyword-only, the acting person as `by=`, audited."""

import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.accessaudit.models import Kind
from actlocally.accessaudit.services import record_access
from actlocally.core.audit import acting_as

from . import ingest, store
from .models import Extract, LinkageProject, LinkageRun, ProjectMember
from .pipeline.link import DEFAULT_THRESHOLD
from .pipeline.run import link_project
from .schemas import DATASETS


class ExtractRefused(Exception):
    """An extract with errors: nothing of it was written."""

    def __init__(self, errors: list[dict], more: int = 0):
        self.errors = errors
        self.more = more
        super().__init__(f"{len(errors) + more} problems")


def create_project(
    *, partnership, title: str, purpose: str, data_sharing_basis: str, end_date, by
) -> LinkageProject:
    if end_date <= timezone.localdate():
        raise ValidationError({"end_date": _("The end date must be in the future.")})
    with transaction.atomic(), acting_as(by):
        project = LinkageProject.objects.create(
            partnership=partnership,
            title=title,
            purpose=purpose,
            data_sharing_basis=data_sharing_basis,
            end_date=end_date,
            created_by=by,
        )
        ProjectMember.objects.create(project=project, user=by, role=ProjectMember.Role.ANALYST)
    return project


def add_member(*, project: LinkageProject, user, role: str, by) -> ProjectMember:
    if ProjectMember.objects.filter(project=project, user=user, role=role).exists():
        raise ValidationError({"email": _("They already have that role on this project.")})
    with transaction.atomic(), acting_as(by):
        return ProjectMember.objects.create(project=project, user=user, role=role)


def load_extract(
    *, project: LinkageProject, dataset: str, path: Path, file_label: str, by
) -> Extract:
    """Check and pseudonymise an extract; all or nothing (raises ExtractRefused)."""
    if dataset not in DATASETS and dataset != ingest.TRUTH:
        raise ValidationError({"dataset": _("Choose a dataset.")})
    loaded = ingest.ingest(project.pk, dataset, path, file_label=file_label)
    if loaded.errors:
        raise ExtractRefused(loaded.errors, loaded.more_errors)
    with transaction.atomic(), acting_as(by):
        extract, _created = Extract.objects.update_or_create(
            project=project, dataset=dataset, defaults={"rows": loaded.rows, "loaded_by": by}
        )
        record_access(
            by=by,
            kind=Kind.LINKED_RECORDS,
            partnership=project.partnership,
            label=f"Connected data: {project.title}: loaded {dataset} ({loaded.rows} rows)",
            reason="linkage extract loaded",
        )
    return extract


def start_run(*, project: LinkageProject, threshold: float = DEFAULT_THRESHOLD, by) -> LinkageRun:
    with transaction.atomic(), acting_as(by):
        return LinkageRun.objects.create(project=project, started_by=by, threshold=threshold)


def run_linkage(*, run: LinkageRun, progress=lambda percent, stage: None, by) -> LinkageRun:
    """Link the project's extracts; the identifier store is purged at the end."""
    began = time.perf_counter()
    try:
        outcome = link_project(run.project_id, threshold=run.threshold, progress=progress)
    except Exception:
        LinkageRun.objects.filter(pk=run.pk).update(
            status=LinkageRun.Status.FAILED, finished_at=timezone.now()
        )
        raise
    quality = outcome.quality
    with transaction.atomic(), acting_as(by):
        run.status = LinkageRun.Status.DONE
        run.records = outcome.records
        run.people = outcome.people
        run.pairs_scored = outcome.result.pairs_scored
        run.weights = outcome.result.weights
        run.histogram = [list(h) for h in outcome.result.histogram]
        if quality is not None:
            run.precision, run.recall, run.f1 = quality.precision, quality.recall, quality.f1
            run.match_rate = {k: list(v) for k, v in quality.match_rate.items()}
        run.seconds = round(time.perf_counter() - began, 1)
        run.identifiers_purged_at = timezone.now()
        run.finished_at = timezone.now()
        run.save()
        record_access(
            by=by,
            kind=Kind.LINKED_RECORDS,
            partnership=run.project.partnership,
            label=f"Connected data: {run.project.title}: linked {run.records} records",
            reason="linkage run; identifier store purged",
        )
    return run


def close_project(*, project: LinkageProject, by) -> None:
    """End the project: its record-level data and its key are destroyed."""
    with transaction.atomic(), acting_as(by):
        project.status = LinkageProject.Status.CLOSED
        project.save(update_fields=["status", "modified"])
        transaction.on_commit(lambda: store.destroy(project.pk))
