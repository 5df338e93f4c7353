"""An agreed version keeps the figures of the evidence it embeds (`figures`), and the database
trigger of migration 0002 guards them too. The trigger is made again after the column is added
(and before it is removed): SQLite rebuilds the table to change its columns, which drops its
triggers."""

import importlib

from django.db import migrations, models

frozen = importlib.import_module("actlocally.statements.migrations.0002_freeze_agreed_versions")
BEFORE = list(frozen.FROZEN_COLUMNS)
AFTER = [*BEFORE, "figures"]

SQLITE_CREATE = """
CREATE TRIGGER statements_agreed_version_frozen
BEFORE UPDATE ON statements_statementversion
FOR EACH ROW WHEN OLD.status = 'agreed' AND ({changed})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
"""
POSTGRES_CREATE = """
CREATE FUNCTION statements_agreed_version_frozen() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'agreed' AND ({changed}) THEN
        RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER statements_agreed_version_frozen
BEFORE UPDATE ON statements_statementversion
FOR EACH ROW EXECUTE FUNCTION statements_agreed_version_frozen();
"""


def drop(apps, schema_editor):
    sql = {"sqlite": frozen.SQLITE_DROP, "postgresql": frozen.POSTGRES_DROP}.get(
        schema_editor.connection.vendor
    )
    if sql:
        schema_editor.execute(sql)


def _create(columns: list[str]):
    def create(apps, schema_editor):
        drop(apps, schema_editor)
        vendor = schema_editor.connection.vendor
        if vendor == "sqlite":
            changed = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)
            schema_editor.execute(SQLITE_CREATE.format(changed=changed, message=frozen.MESSAGE))
        elif vendor == "postgresql":
            changed = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in columns)
            schema_editor.execute(POSTGRES_CREATE.format(changed=changed, message=frozen.MESSAGE))

    return create


class Migration(migrations.Migration):
    dependencies = [("statements", "0004_comments")]

    operations = [
        # Undone last: the trigger as it was, once the column has gone again.
        migrations.RunPython(migrations.RunPython.noop, _create(BEFORE)),
        migrations.AddField(
            model_name="statementversion",
            name="figures",
            field=models.JSONField(blank=True, default=dict),
        ),
        migrations.RunPython(_create(AFTER), drop),
    ]
