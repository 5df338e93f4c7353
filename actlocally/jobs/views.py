"""The progress page of a background job; htmx polls it, and without JavaScript it refreshes."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from actlocally.authorization import has_permission

from .models import Job

# Seconds between looks at a running job (htmx polling, or the page's refresh without JS).
POLL_SECONDS = 2


@login_required
def job_detail(request, pk):
    job = Job.objects.filter(pk=pk).first()
    # 404 alike for missing and someone else's, so a job's existence does not leak.
    if job is None or not has_permission(request.user, "jobs.view_job", job):
        raise Http404
    context = {"job": job, "poll_seconds": POLL_SECONDS}
    if request.htmx:
        return render(request, "jobs/_progress.html", context)
    return render(request, "jobs/detail.html", context)
