"""The linkage app's part of the nightly purge: record-level data does not outlive its project."""

import datetime

from . import store
from .models import LinkageProject


def purge_ended_projects(now: datetime.datetime) -> int:
    """Destroy the data and key of every project closed or past its end date; close the open
    ones. The count of projects whose data was destroyed."""
    ended = LinkageProject.objects.filter(end_date__lt=now.date()) | LinkageProject.objects.filter(
        status=LinkageProject.Status.CLOSED
    )
    count = 0
    for project in ended.distinct():
        if store.folder(project.pk).exists() or store.key_path(project.pk).exists():
            store.destroy(project.pk)
            count += 1
    ended.filter(status=LinkageProject.Status.OPEN).update(status=LinkageProject.Status.CLOSED)
    return count
