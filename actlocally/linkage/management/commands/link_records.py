"""Link records across CSV files with the platform's Splink model and write one person id per
record: the same pipeline the linkage pages run, for analysts and for checking it."""

import csv
import re
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actlocally.core import csv as safe_csv
from actlocally.linkage.pipeline.run import link_csv_files

NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,39}$")
COLUMNS = ("record_id", "first_name", "last_name", "date_of_birth", "sex", "postcode")


def parse_source(value: str) -> tuple[str, Path]:
    name, sep, path = value.partition("=")
    if not sep or not NAME.match(name) or not path:
        raise CommandError(
            f"--source {value!r}: write NAME=FILE.csv, NAME being letters, digits and _."
        )
    return name, Path(path)


class Command(BaseCommand):
    help = (
        "Link CSV files (record_id,first_name,last_name,date_of_birth,sex,postcode) and write "
        "source,record_id,person_id for every record."
    )

    def add_arguments(self, parser):
        parser.add_argument("--source", action="append", required=True, metavar="NAME=FILE.csv")
        parser.add_argument("--output", required=True, metavar="clusters.csv")
        parser.add_argument("--threshold", type=float, default=None)

    def handle(self, *args, source, output, threshold, **options):
        sources = dict(parse_source(s) for s in source)
        if len(sources) != len(source):
            raise CommandError("Each --source needs its own NAME.")
        for name, path in sources.items():
            if not path.is_file():
                raise CommandError(f"--source {name}: no file at {path}.")
            with path.open(encoding="utf-8-sig", newline="") as f:
                header = next(csv.reader(f), [])
            missing = [c for c in COLUMNS if c not in header]
            if missing:
                raise CommandError(f"{path}: the header lacks {', '.join(missing)}.")
        if threshold is not None and not 0 < threshold < 1:
            raise CommandError("--threshold is a match probability between 0 and 1.")
        began = time.perf_counter()
        kwargs = {"threshold": threshold} if threshold is not None else {}
        rows = link_csv_files(sources, **kwargs)
        with open(output, "w", newline="", encoding="utf-8") as f:
            # Record ids come from agencies' files: one starting "=" must not run as a formula
            # when the clusters file is opened in a spreadsheet.
            writer = safe_csv.writer(f)
            writer.writerow(["source", "record_id", "person_id"])
            writer.writerows(rows)
        people = len({r[2] for r in rows})
        self.stdout.write(
            f"{len(rows)} records, {people} people, in {time.perf_counter() - began:.1f} s: "
            f"wrote {output}"
        )
