"""The database keeps the access audit append-only: a trigger refuses every UPDATE and DELETE on
PostgreSQL and on SQLite, whoever sends it (the ORM, the admin, a shell, raw SQL).

Two narrow paths stay open, and nothing else:
- **erasure**: an UPDATE may set `person_id` to NULL, give an empty pseudonym a value (it must,
  when the person goes), and, for entries whose record *is* a person, rewrite the record's label
  and null its id. Every other column must stay as it was.
- **retention**: a DELETE only of rows older than RETENTION_DAYS, measured by the database clock.

Migration 0002 creates the triggers from here; changing this SQL (or RETENTION_DAYS) needs a new
migration that calls `drop` and `create` again.
"""

RETENTION_DAYS = 730

TABLE = "accessaudit_accessevent"

# The content type of a person (accounts.User), looked up by the database itself.
_PERSON_TYPE = (
    "(SELECT id FROM django_content_type WHERE app_label = 'accounts' AND model = 'user')"
)

# Null-safe "unchanged" per database: PostgreSQL IS NOT DISTINCT FROM, SQLite IS. Every part of
# the condition is true or false, never NULL: a NULL would let SQLite's `WHEN NOT ...` pass.
_UNCHANGED = ("id", "at", "kind", "object_type_id", "partnership_id", "request_id", "reason")


def _allowed_update(same: str) -> str:
    unchanged = " AND ".join(f"NEW.{c} {same} OLD.{c}" for c in _UNCHANGED)
    return f"""(
        {unchanged}
        AND (NEW.person_id {same} OLD.person_id OR NEW.person_id IS NULL)
        AND (NEW.pseudonym = OLD.pseudonym OR OLD.pseudonym = '')
        AND (NEW.person_id IS NOT NULL OR OLD.person_id IS NULL OR NEW.pseudonym <> '')
        AND (
            (NEW.object_label = OLD.object_label AND NEW.object_id {same} OLD.object_id)
            OR (COALESCE(OLD.object_type_id = {_PERSON_TYPE}, FALSE)
                AND (NEW.object_id {same} OLD.object_id OR NEW.object_id IS NULL))
        )
    )"""


REFUSED_UPDATE = "access audit entries cannot be changed (append-only)"
REFUSED_DELETE = "access audit entries cannot be deleted before the end of their retention period"

POSTGRESQL_CREATE = f"""
CREATE OR REPLACE FUNCTION accessaudit_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.at < now() - interval '{RETENTION_DAYS} days' THEN
            RETURN OLD;
        END IF;
        RAISE EXCEPTION '{REFUSED_DELETE}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF {_allowed_update("IS NOT DISTINCT FROM")} THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION '{REFUSED_UPDATE}' USING ERRCODE = 'integrity_constraint_violation';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER accessaudit_append_only BEFORE UPDATE OR DELETE ON {TABLE}
    FOR EACH ROW EXECUTE FUNCTION accessaudit_append_only();
"""

POSTGRESQL_DROP = f"""
DROP TRIGGER IF EXISTS accessaudit_append_only ON {TABLE};
DROP FUNCTION IF EXISTS accessaudit_append_only();
"""

# Django stores SQLite datetimes as UTC text 'YYYY-MM-DD HH:MM:SS[.ffffff]', which sorts as time.
SQLITE_CREATE = [
    f"""CREATE TRIGGER accessaudit_no_update BEFORE UPDATE ON {TABLE}
    WHEN NOT {_allowed_update("IS")}
    BEGIN SELECT RAISE(ABORT, '{REFUSED_UPDATE}'); END;""",
    f"""CREATE TRIGGER accessaudit_no_delete BEFORE DELETE ON {TABLE}
    WHEN OLD.at >= datetime('now', '-{RETENTION_DAYS} days')
    BEGIN SELECT RAISE(ABORT, '{REFUSED_DELETE}'); END;""",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS accessaudit_no_update;",
    "DROP TRIGGER IF EXISTS accessaudit_no_delete;",
]


def create(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_CREATE)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_CREATE:
                cursor.execute(statement)


def drop(connection) -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRESQL_DROP)
        elif connection.vendor == "sqlite":
            for statement in SQLITE_DROP:
                cursor.execute(statement)
