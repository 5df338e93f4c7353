"""A database trigger that refuses to change the document of an agreed version, whatever code
runs: the services refuse first, this is the backstop. Links to people may still be cleared
(so a person can be erased); the document, its number, status and agreement may not."""

from django.db import migrations

FROZEN_COLUMNS = [
    "statement_id",
    "number",
    "status",
    "content",
    "agreed_on",
    "agreed_on_precision",
    "agreed_by_whom",
]
MESSAGE = "An agreed Statement of Intent version cannot be changed: start a new draft."

SQLITE_CREATE = """
CREATE TRIGGER statements_agreed_version_frozen
BEFORE UPDATE ON statements_statementversion
FOR EACH ROW WHEN OLD.status = 'agreed' AND ({changed})
BEGIN SELECT RAISE(ABORT, '{message}'); END;
""".format(changed=" OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in FROZEN_COLUMNS), message=MESSAGE)
SQLITE_DROP = "DROP TRIGGER IF EXISTS statements_agreed_version_frozen;"

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
""".format(
    changed=" OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in FROZEN_COLUMNS),
    message=MESSAGE,
)
POSTGRES_DROP = """
DROP TRIGGER IF EXISTS statements_agreed_version_frozen ON statements_statementversion;
DROP FUNCTION IF EXISTS statements_agreed_version_frozen();
"""


def create(apps, schema_editor):
    sql = {"sqlite": SQLITE_CREATE, "postgresql": POSTGRES_CREATE}.get(
        schema_editor.connection.vendor
    )
    if sql:  # other databases rely on the services alone
        schema_editor.execute(sql)


def drop(apps, schema_editor):
    sql = {"sqlite": SQLITE_DROP, "postgresql": POSTGRES_DROP}.get(schema_editor.connection.vendor)
    if sql:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("statements", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
