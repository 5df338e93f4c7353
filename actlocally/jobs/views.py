"""The progress page of a background job (htmx polls it, and without JavaScript it refreshes),
and the download of the file it made."""

import mimetypes
import os

from django.contrib.auth.decorators import login_required
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import render

from actlocally.authorization import has_permission

from .models import Job

# Seconds between looks at a running job (htmx polling, or the page's refresh without JS).
POLL_SECONDS = 2


def _job_or_404(request, pk, permission: str) -> Job:
    job = Job.objects.filter(pk=pk).first()
    # 404 alike for missing and someone else's, so a job's existence does not leak.
    if job is None or not has_permission(request.user, permission, job):
        raise Http404
    return job


@login_required
def job_detail(request, pk):
    job = _job_or_404(request, pk, "jobs.view_job")
    # Site staff see the progress of anyone's export, but not a link to a file they may not open.
    show_result = bool(job.result_url) and (
        not job.result_file or has_permission(request.user, "jobs.download_result", job)
    )
    context = {"job": job, "poll_seconds": POLL_SECONDS, "show_result": show_result}
    if request.htmx:
        return render(request, "jobs/_progress.html", context)
    return render(request, "jobs/detail.html", context)


@login_required
def job_download(request, pk):
    job = _job_or_404(request, pk, "jobs.download_result")
    if job.status != Job.Status.SUCCEEDED or not job.result_file:
        raise Http404
    if not default_storage.exists(job.result_file):
        raise Http404
    # Read whole and closed at once: an export is a few megabytes at most (England's LSOAs),
    # and an open storage file must not outlive a response nobody reads to the end.
    with default_storage.open(job.result_file, "rb") as f:
        content = f.read()
    filename = os.path.basename(job.result_file)
    response = HttpResponse(
        content, content_type=mimetypes.guess_type(filename)[0] or "application/octet-stream"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # What a partnership's history holds should not sit in a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
