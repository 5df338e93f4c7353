"""Symposia's scheduled work: erasing the names guests typed, 30 days after the event."""

import datetime

from django.utils import timezone
from django_tasks import task

from .services import forget_guest_names

# Guests' optional names are kept this long after the symposium starts (see the README).
KEEP_DAYS = 30


@task()
def forget_symposium_guests() -> int:
    """Run daily by the scheduler; returns how many names were erased."""
    return forget_guest_names(before=timezone.now() - datetime.timedelta(days=KEEP_DAYS))
