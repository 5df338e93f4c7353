"""Loads a demo (by default Bradford: three partnerships and one login per role); safe to run again."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from ... import loader


class Command(BaseCommand):
    help = (
        "Load a demo's data and demo logins (demo mode only). Does nothing if it is loaded. "
        "The data is a folder: see actlocally/demo/data/README.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--data",
            default=loader.DEFAULT,
            help="A folder under actlocally/demo/data/ (default: %(default)s), or a path to one.",
        )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError("Demo data loads only in demo mode: set ACTLOCALLY_DEMO=1.")
        folder = loader.folder_for(options["data"])
        data = loader.read_folder(folder)
        name = data["authority"]["local_authority"]["name"]
        if loader.is_loaded(data):
            self.stdout.write("Demo data is already loaded.")
            return
        with transaction.atomic():
            loader.load(folder)
        self.stdout.write(self.style.SUCCESS(f"Loaded the {name} demo."))
