"""A copy of the whole test database, taken once and put back in well under a second: browser tests
each need the seeded demo, and seeding it for every one of them was most of the suite's time.

SQLite (an in-memory database) is copied with its online backup API; PostgreSQL table by table into
a schema of its own, put back with TRUNCATE and INSERT … SELECT, foreign keys checked at commit.
"""

import sqlite3

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction

SCHEMA = "actlocally_snapshot"
# Django's own record of which migrations ran: the same before and after, and never flushed.
UNTOUCHED = {"django_migrations"}


def take(schema: str = SCHEMA):
    """A snapshot of the database as it is now (on PostgreSQL, into `schema`: two snapshots
    alive at once need two names)."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        return copy
    tables = _postgres_tables()
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in tables:
            cursor.execute(f'CREATE TABLE {schema}."{table}" AS TABLE public."{table}"')
    return schema, tables


def restore(snapshot) -> None:
    """Put the database back as it was when `snapshot` was taken."""
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        snapshot.backup(connection.connection)
        return
    schema, tables = snapshot
    quoted = ", ".join(f'public."{table}"' for table in tables)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        cursor.execute(f"TRUNCATE {quoted}")
        for table in tables:
            # Table names come from the database's own catalogue, never from input.
            cursor.execute(f'INSERT INTO public."{table}" SELECT * FROM {schema}."{table}"')  # noqa: S608
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)


def _postgres_tables() -> list[str]:
    with connection.cursor() as cursor:
        return [
            table
            for table in connection.introspection.table_names(cursor)
            if table not in UNTOUCHED
        ]
