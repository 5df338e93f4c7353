"""Recommendation references are R1, R2 … per statement, stable across versions, never reused;
existing random references are renamed by migration 0003."""

import datetime
import importlib

from django.apps import apps
from django.db import DatabaseError, IntegrityError, connection, transaction

from actlocally.statements import services
from actlocally.statements.models import Recommendation

migration = importlib.import_module(
    "actlocally.statements.migrations.0003_sequential_recommendation_keys"
)
AGREED = datetime.date(2024, 1, 15)


def _rows(world, *texts, keys=None):
    keys = keys or [""] * len(texts)
    return [
        {"key": k, "text": t, "to": world.organisation.name, "to_id": world.organisation.pk}
        for k, t in zip(keys, texts, strict=True)
    ]


def _agree(version):
    services.transition(version=version, name="circulate", by=None)
    return services.transition(
        version=version, name="agree", agreed_on=AGREED, agreed_by_whom="Us", by=None
    )


def test_new_recommendations_are_numbered_in_order(world):
    version = services.start_statement(focus_issue=world.focus, by=None)

    version = services.save_section(
        version=version, section="recommendations", rows=_rows(world, "a", "b"), by=None
    )

    assert [r["key"] for r in version.content["recommendations"]] == ["R1", "R2"]


def test_a_dropped_reference_is_never_given_to_another_recommendation(world):
    version = services.start_statement(focus_issue=world.focus, by=None)
    version = services.save_section(
        version=version, section="recommendations", rows=_rows(world, "a", "b"), by=None
    )
    _agree(version)
    draft = services.start_new_draft(statement=version.statement, by=None)

    draft = services.save_section(
        version=draft,
        section="recommendations",
        rows=_rows(world, "a", "c", keys=["R1", ""]),
        by=None,
    )

    assert [r["key"] for r in draft.content["recommendations"]] == ["R1", "R3"]


class _Editor:
    """Enough of a schema editor for the migration's trigger SQL, inside the test transaction."""

    connection = connection

    def execute(self, sql):
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(sql)  # one call runs the function body and its trigger
                return
            # SQLite runs one statement per call.
            for statement in [s for s in sql.split(";\n") if s.strip()]:
                cursor.execute(statement)


def test_migration_renames_random_references_everywhere_even_in_agreed_versions(world):
    version = services.start_statement(focus_issue=world.focus, by=None)
    version = services.save_section(
        version=version,
        section="recommendations",
        rows=_rows(world, "a", "b", keys=["R-EF3425", "R-00AA11"]),
        by=None,
    )
    _agree(version)

    migration.forwards(apps, _Editor())

    version.refresh_from_db()
    assert [r["key"] for r in version.content["recommendations"]] == ["R1", "R2"]
    assert sorted(Recommendation.objects.values_list("key", flat=True)) == ["R1", "R2"]


def test_migration_puts_the_freeze_back(world):
    version = services.save_section(
        version=services.start_statement(focus_issue=world.focus, by=None),
        section="recommendations",
        rows=_rows(world, "a", keys=["R-EF3425"]),
        by=None,
    )
    _agree(version)

    migration.forwards(apps, _Editor())

    try:
        with transaction.atomic():
            type(version).objects.filter(pk=version.pk).update(content={"changed": True})
    except (IntegrityError, DatabaseError):
        return
    raise AssertionError("an agreed version's content was changed")
