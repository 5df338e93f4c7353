"""Erase the names guests typed at symposia more than 30 days ago (run daily, e.g. from cron)."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from actlocally.symposia.services import forget_guest_names

KEEP_DAYS = 30


class Command(BaseCommand):
    help = "Erase guests' names from symposia that started more than 30 days ago."

    def handle(self, *args, **options):
        erased = forget_guest_names(before=timezone.now() - datetime.timedelta(days=KEEP_DAYS))
        self.stdout.write(f"Erased {erased} guest name(s).")
