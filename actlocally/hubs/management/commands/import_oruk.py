"""`manage.py import_oruk FILE --partnership SLUG`: an ORUK JSON file into a local offer."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actlocally.hubs.importers import ImportRejected, import_services
from actlocally.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Import services from an Open Referral UK JSON file (all of it, or nothing)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--partnership", required=True, help="the partnership's slug")

    def handle(self, *args, file: Path, partnership: str, **options):
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"No partnership {partnership!r}.")
        try:
            result = import_services(partnership=found, raw=file.read_bytes(), by=None)
        except ImportRejected as rejected:
            for error in rejected.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(rejected.errors)} errors: nothing was imported.") from None
        except OSError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{result.created} services added, {result.updated} updated.")
