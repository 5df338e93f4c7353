"""Prints the demo logins, so `make run` tells people how to get in."""

from django.conf import settings
from django.core.management.base import BaseCommand

from ...personas import DEMO_PASSWORD, PERSONAS


class Command(BaseCommand):
    help = "Print the demo logins (demo mode only)."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            self.stdout.write("Not in demo mode: there are no demo logins.")
            return
        self.stdout.write(f"\nDemo logins (password for all: {DEMO_PASSWORD})")
        for _key, email, name, _job, sees in PERSONAS:
            self.stdout.write(f"  {email:<38} {name:<16} {sees}")
        self.stdout.write("")
