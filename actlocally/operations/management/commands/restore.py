"""manage.py restore: replace the database and uploaded files with a backup's, then check them."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actlocally.operations.backups import BackupError, read_manifest, restore_backup


class Command(BaseCommand):
    help = "Restore a backup made by `manage.py backup`: everything now held is replaced."

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="Do not ask before replacing everything."
        )

    def handle(self, *args, archive, yes=False, **options):
        try:
            manifest = read_manifest(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        if not yes:
            answer = input(
                f"This replaces the whole database and every uploaded file with the backup made "
                f"{manifest['created']}. Type 'restore' to go ahead: "
            )
            if answer.strip() != "restore":
                raise CommandError("Nothing was restored.")
        try:
            restore_backup(archive_path=archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored {len(manifest['tables'])} tables, {manifest['media_files']} uploaded files "
            f"and {manifest.get('private_files', 0)} private documents; every table's row count "
            "and checksum match the backup."
        )
