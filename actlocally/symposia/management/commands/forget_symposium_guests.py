"""Erase the names guests typed at symposia more than 30 days ago, now. The scheduler
(`manage.py run_scheduler`) runs the same task daily; this command is for doing it by hand."""

from django.core.management.base import BaseCommand

from actlocally.symposia.tasks import forget_symposium_guests


class Command(BaseCommand):
    help = "Erase guests' names from symposia that started more than 30 days ago."

    def handle(self, *args, **options):
        erased = forget_symposium_guests.call()
        self.stdout.write(f"Erased {erased} guest name(s).")
