"""`flush`, which empties every table, also empties the access audit.

Django's own flush deletes row by row on SQLite, which the audit's trigger refuses; emptying the
whole database (tests between transactional cases, `manage.py flush` on a development copy) is
not the tampering the trigger is there to stop. PostgreSQL's flush uses TRUNCATE, which row
triggers do not see, so only SQLite needs the triggers lifted for the length of the flush.
"""

from django.core.management.commands import flush
from django.db import connections

from actlocally.accessaudit import triggers


class Command(flush.Command):
    def handle(self, **options):
        connection = connections[options["database"]]
        if connection.vendor != "sqlite":
            return super().handle(**options)
        triggers.drop(connection)
        try:
            return super().handle(**options)
        finally:
            triggers.create(connection)
