"""`manage.py export_oruk --partnership SLUG [--service-at-locations] [-o FILE]`: a local offer
as ORUK JSON."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actlocally.hubs.exports import export_service_at_locations, export_services
from actlocally.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Write a partnership's services as Open Referral UK JSON (validated before writing)."

    def add_arguments(self, parser):
        parser.add_argument("--partnership", required=True, help="the partnership's slug")
        parser.add_argument(
            "--all", action="store_true", help="include unpublished services (default: published)"
        )
        parser.add_argument(
            "--service-at-locations",
            action="store_true",
            help="write ORUK service_at_locations (each with its service) instead of services",
        )
        parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")

    def handle(self, *args, partnership: str, all: bool, output: Path | None, **options):
        export = export_service_at_locations if options["service_at_locations"] else export_services
        found = Partnership.objects.filter(slug=partnership).first()
        if found is None:
            raise CommandError(f"No partnership {partnership!r}.")
        text = json.dumps(export(found, published_only=not all), indent=2)
        if output is None:
            self.stdout.write(text)
        else:
            output.write_text(text)
