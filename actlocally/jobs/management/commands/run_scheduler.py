"""Run the platform's timetable (actlocally/jobs/schedule.py): queue daily and nightly tasks for
the workers, and keep the scheduler's heartbeat for /healthz."""

import signal
import time

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from actlocally.jobs import schedule, services


class Command(BaseCommand):
    help = "Queue scheduled tasks when they are due (daily erasure, purges, reminders, digests)."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=5.0, help="seconds between checks")
        parser.add_argument("--once", action="store_true", help="check once, then exit")

    def handle(self, *args, interval: float, once: bool, **options):
        self.running = True

        def stop(signum, frame):
            self.running = False

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        while self.running:
            close_old_connections()
            services.beat("scheduler")
            for name in schedule.queue_due():
                # The heartbeat every 30 s only at -v 2, so the `make run` console stays readable.
                if name not in schedule.QUIET or options["verbosity"] > 1:
                    self.stdout.write(f"Queued {name}")
            if once:
                break
            # Sleep in short steps so that SIGTERM stops the scheduler promptly.
            deadline = time.monotonic() + interval
            while self.running and time.monotonic() < deadline:
                time.sleep(min(0.5, interval))
