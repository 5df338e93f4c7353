"""`manage.py import_geography FILE...`: ONS lookups (CSV) and boundaries (GeoJSON)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ...importers import ImportRefused, carry_populations, import_files
from ._importing import add_problem_arguments, read_files, refusal


class Command(BaseCommand):
    help = (
        "Import LSOA → ward → local authority lookups, the LSOA 2011 → 2021 lookup (CSV) and "
        "boundaries of LSOAs or wards (GeoJSON). All the files or none."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        add_problem_arguments(parser)

    def handle(self, *args, files, all_problems, **options):
        read = read_files(files)
        try:
            results = import_files(kind="geography", files=read)
        except ImportRefused as refused:
            raise refusal(self, refused, all_problems=all_problems) from None
        for (name, _data), result in zip(read, results, strict=True):
            self.stdout.write(f"{name}: {result}")
            for note in result.notes:
                self.stdout.write(f"  {note}")
        carried = carry_populations()
        if carried:
            self.stdout.write(
                f"Populations carried from 2011 to {carried} 2021 LSOAs through the lookup."
            )
