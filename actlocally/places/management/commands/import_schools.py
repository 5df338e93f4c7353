"""`manage.py import_schools FILE`: open schools from a GIAS establishment CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import ImportRefused, import_schools


class Command(BaseCommand):
    help = "Import open schools from DfE's Get Information About Schools establishment CSV."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file, **options):
        if not file.exists():
            raise CommandError(f"No such file: {file}")
        try:
            result = import_schools(source=file.read_bytes(), name=file.name)
        except ImportRefused as refused:
            for error in refused.errors:
                self.stderr.write(str(error))
            raise CommandError("Nothing was imported.") from None
        self.stdout.write(str(result))
