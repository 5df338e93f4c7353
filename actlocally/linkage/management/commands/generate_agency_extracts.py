"""Write synthetic agency extracts (school census, attendance, health, police, early help) and,
apart, their ground-truth key: the only record-level data the project ever holds."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from actlocally.linkage.synth.generate import generate, write


class Command(BaseCommand):
    help = "Generate synthetic agency extracts for N children in Bradford's LSOAs."

    def add_arguments(self, parser):
        parser.add_argument("--children", type=int, default=90_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--out", required=True, help="A folder to write the CSV files to.")

    def handle(self, *args, children, seed, out, **options):
        if not 1 <= children <= 2_000_000:
            raise CommandError("--children must be between 1 and 2,000,000.")
        began = time.perf_counter()
        paths = write(generate(children, seed), Path(out))
        for path in paths:
            self.stdout.write(f"wrote {path}")
        self.stdout.write(f"{children} children in {time.perf_counter() - began:.1f} s")
