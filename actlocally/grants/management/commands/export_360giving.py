"""Write every published award of the community budget in the 360Giving Data Standard: the JSON
package, or its flat form (XLSX or CSV) under the standard's column titles."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from actlocally.grants import threesixty, threesixty_flat


class Command(BaseCommand):
    help = (
        "Write every published award as 360Giving data (JSON package, or XLSX/CSV flat form), "
        "checked against the schema."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "xlsx", "csv"], default="json")
        parser.add_argument("--output", help="The file to write (default: standard output).")

    def handle(self, *args, **options):
        data = threesixty.package(threesixty.published_awards())
        if not data["grants"]:
            raise CommandError("No round is published yet, so there are no awards to export.")
        errors = threesixty.errors_in(data)
        if errors:
            raise CommandError("The package is not valid 360Giving data:\n" + "\n".join(errors))
        fmt, output = options["format"], options["output"]
        if fmt == "xlsx":
            content: bytes | str = threesixty_flat.to_xlsx(data)
        elif fmt == "csv":
            content = threesixty_flat.to_csv(data)
        else:
            content = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        if output:
            mode = "wb" if isinstance(content, bytes) else "w"
            with open(output, mode, **({} if mode == "wb" else {"encoding": "utf-8"})) as out:
                out.write(content)
            self.stdout.write(f"Wrote {len(data['grants'])} grants to {output}.")
        elif isinstance(content, bytes):
            if self.stdout.isatty():
                raise CommandError("XLSX is binary: give --output FILE, or redirect the output.")
            sys.stdout.buffer.write(content)
        else:
            self.stdout.write(content, ending="")
