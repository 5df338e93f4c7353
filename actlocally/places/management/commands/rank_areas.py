"""`manage.py rank_areas --la E08000032 --level ward --measure imd --release IoD2019` → CSV."""

import io

from django.core.management.base import BaseCommand, CommandError

from ...exports import write_ranking_csv
from ...measures import KEYS
from ...selectors import choose_release, ranking


class Command(BaseCommand):
    help = (
        "Print a ranking of wards or LSOAs as CSV (code,name,score,rank,lsoas,lsoas_in_decile_1,"
        "share_in_decile_1,population,decile), most deprived first."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--la", help="Local authority code; all of England's wards if left out."
        )
        parser.add_argument("--level", choices=["ward", "lsoa"], default="ward")
        parser.add_argument("--measure", choices=KEYS, default="imd")
        parser.add_argument("--release", help="For example IoD2019; the newest if left out.")

    def handle(self, *args, la, level, measure, release, **options):
        chosen = choose_release(release)
        if chosen is None or (release and chosen.key != release):
            raise CommandError(f"No release {release or ''} is loaded.")
        if measure not in chosen.summary.get("ranked", []):
            raise CommandError(f"{chosen.key} has no {measure} measure.")
        if level == "lsoa" and not la:
            raise CommandError("Give --la to rank LSOAs.")
        out = io.StringIO()
        write_ranking_csv(out, ranking(chosen, measure, level, la))
        self.stdout.write(out.getvalue(), ending="")
