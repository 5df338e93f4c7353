"""`manage.py import_geography FILE...`: ONS lookups (CSV) and boundaries (GeoJSON)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import ImportRefused, carry_populations, import_boundaries, import_lookup


class Command(BaseCommand):
    help = (
        "Import LSOA → ward → local authority lookups, the LSOA 2011 → 2021 lookup (CSV) and "
        "boundaries of LSOAs or wards (GeoJSON). Each file is all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)

    def handle(self, *args, files, **options):
        for path in files:
            if not path.exists():
                raise CommandError(f"No such file: {path}")
            importer = (
                import_boundaries if path.suffix.lower() in {".geojson", ".json"} else import_lookup
            )
            try:
                result = importer(source=path.read_bytes(), name=path.name)
            except ImportRefused as refused:
                for error in refused.errors:
                    self.stderr.write(str(error))
                raise CommandError(f"Nothing was imported from {path.name}.") from None
            self.stdout.write(f"{path.name}: {result}")
            for note in result.notes:
                self.stdout.write(f"  {note}")
        carried = carry_populations()
        if carried:
            self.stdout.write(
                f"Populations carried from 2011 to {carried} 2021 LSOAs through the lookup."
            )
