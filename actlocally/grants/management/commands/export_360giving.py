"""Write every published award of the community budget as a 360Giving JSON package."""

import json

from django.core.management.base import BaseCommand, CommandError

from actlocally.grants import threesixty


class Command(BaseCommand):
    help = "Write every published award as a 360Giving data package, checked against the schema."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("--output", help="The file to write (default: standard output).")

    def handle(self, *args, **options):
        data = threesixty.package(threesixty.published_awards())
        if not data["grants"]:
            raise CommandError("No round is published yet, so there are no awards to export.")
        errors = threesixty.errors_in(data)
        if errors:
            raise CommandError("The package is not valid 360Giving data:\n" + "\n".join(errors))
        text = json.dumps(data, indent=2, ensure_ascii=False)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                out.write(text + "\n")
            self.stdout.write(f"Wrote {len(data['grants'])} grants to {options['output']}.")
        else:
            self.stdout.write(text)
