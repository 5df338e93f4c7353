"""manage.py backup: one archive of the database, uploaded files and a manifest (docs/operations.md)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from actlocally.operations.backups import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and uploaded files into one .tar.gz archive."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            help="The archive to write (default: var/backups/actlocally-<date>.tar.gz).",
        )

    def handle(self, *args, output=None, **options):
        if output is None:
            stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
            output = Path(settings.BASE_DIR) / "var" / "backups" / f"actlocally-{stamp}.tar.gz"
        try:
            manifest = create_backup(output=output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        rows = sum(t["rows"] for t in manifest["tables"].values())
        self.stdout.write(
            f"Backed up {len(manifest['tables'])} tables ({rows} rows) and "
            f"{manifest['media_files']} uploaded files and {manifest['private_files']} private "
            f"documents to {output}"
        )
