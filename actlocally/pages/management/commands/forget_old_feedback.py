"""Delete feedback older than 12 months, as the privacy notice promises (run daily, e.g. from cron)."""

from django.core.management.base import BaseCommand

from actlocally.pages.services import forget_old_feedback


class Command(BaseCommand):
    help = "Delete feedback sent more than 12 months ago."

    def handle(self, *args, **options):
        deleted = forget_old_feedback()
        self.stdout.write(f"Deleted {deleted} feedback message(s).")
