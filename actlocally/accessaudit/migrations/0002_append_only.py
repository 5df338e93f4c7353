"""The database refuses to change or delete access events (see triggers.py for the two paths
that stay open: pseudonymising an erased person, and purging entries past retention)."""

from django.db import migrations

from actlocally.accessaudit import triggers


def create(apps, schema_editor):
    # schema_editor.connection.vendor picks PostgreSQL's or SQLite's trigger.
    triggers.create(schema_editor.connection)


def drop(apps, schema_editor):
    triggers.drop(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accessaudit", "0001_initial")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
