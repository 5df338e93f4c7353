"""`manage.py import_schools FILE`: open schools from a GIAS establishment CSV."""

from pathlib import Path

from django.core.management.base import BaseCommand

from ...importers import ImportRefused, import_files
from ._importing import add_problem_arguments, read_files, refusal


class Command(BaseCommand):
    help = "Import open schools from DfE's Get Information About Schools establishment CSV."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        add_problem_arguments(parser)

    def handle(self, *args, file, all_problems, **options):
        try:
            results = import_files(kind="schools", files=read_files([file]))
        except ImportRefused as refused:
            raise refusal(self, refused, all_problems=all_problems) from None
        for result in results:
            self.stdout.write(str(result))
            for note in result.notes:
                self.stdout.write(f"  {note}")
