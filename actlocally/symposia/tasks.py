"""Symposia's scheduled work: erasing the names guests typed, 30 days after the event. The daily
job (participation.tasks.forget_guest_names) erases them with every other feature's guests; this
task does symposia alone, for `manage.py forget_symposium_guests`."""

import datetime

from django.utils import timezone
from django_tasks import task

from .services import GUEST_NAMES, forget_guest_names

# Kept for anything that read it here; the rule itself is services.GUEST_NAMES.
KEEP_DAYS = GUEST_NAMES.keep_days


@task()
def forget_symposium_guests() -> int:
    """Returns how many names were erased."""
    return forget_guest_names(before=timezone.now() - datetime.timedelta(days=KEEP_DAYS))
