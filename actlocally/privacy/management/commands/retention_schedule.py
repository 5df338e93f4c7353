"""Print the retention schedule (docs/retention.md) from the declarations, or write it."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from actlocally.privacy.retention import schedule_markdown

DOC = Path(settings.BASE_DIR) / "docs" / "retention.md"


class Command(BaseCommand):
    help = "Print the retention schedule from actlocally/privacy/retention.py (--write: update docs/retention.md)."

    def add_arguments(self, parser):
        parser.add_argument("--write", action="store_true", help="Write docs/retention.md.")

    def handle(self, *args, write=False, **options):
        text = schedule_markdown()
        if write:
            DOC.write_text(text, encoding="utf-8")
            self.stdout.write(f"Wrote {DOC}")
        else:
            self.stdout.write(text, ending="")
