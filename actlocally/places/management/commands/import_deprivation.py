"""`manage.py import_deprivation --release IoD2019 --year 2019 --geography lsoa11 FILE...`"""

import re
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ...importers import ImportRefused, carry_populations, import_deprivation
from ._importing import add_problem_arguments, read_files, refusal


class Command(BaseCommand):
    help = (
        "Import a release of the English Indices of Deprivation from its CSV files (File 1, "
        "File 2, File 6, a scores file, or one wide file), all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path)
        parser.add_argument("--release", required=True, help="For example IoD2019 or IoD2025.")
        parser.add_argument("--year", type=int, help="Defaults to the year in the release name.")
        parser.add_argument(
            "--geography",
            choices=["lsoa11", "lsoa21"],
            help="The LSOAs it is published on (IoD2019: lsoa11; IoD2025: lsoa21).",
        )
        add_problem_arguments(parser)

    def handle(self, *args, files, release, year, geography, all_problems, **options):
        found = re.search(r"(20\d\d)", release)
        year = year or (int(found.group(1)) if found else None)
        if year is None:
            raise CommandError("Give --year: the release name has no year in it.")
        geography = geography or ("lsoa11" if year < 2021 else "lsoa21")
        try:
            result = import_deprivation(
                release_key=release,
                year=year,
                geography=geography,
                files=read_files(files),
            )
        except ImportRefused as refused:
            raise refusal(self, refused, all_problems=all_problems) from None
        self.stdout.write(str(result))
        carried = carry_populations()
        if carried:
            self.stdout.write(
                f"Populations carried from 2011 to {carried} 2021 LSOAs through the lookup."
            )
