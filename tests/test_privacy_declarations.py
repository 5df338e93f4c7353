"""Every model with personal data has a way into the subject access export and a retention
declaration, and docs/retention.md says what the declarations say."""

from pathlib import Path

import pytest
from django.apps import apps

from actlocally.jobs.schedule import SCHEDULE
from actlocally.privacy import retention, subjects


@pytest.mark.parametrize("model", subjects.personal_models(), ids=lambda m: m._meta.label)
def test_every_personal_model_has_a_way_into_subject_access(model):
    assert subjects.way_in(model), "declare a link to the person, or why it is not linked"


@pytest.mark.parametrize("model", subjects.personal_models(), ids=lambda m: m._meta.label)
def test_every_personal_model_declares_its_retention(model):
    assert retention.retention_of(model) is not None, "add it to privacy/retention.py RETENTION"


@pytest.mark.parametrize(
    "model", [m for m in apps.get_models() if not subjects.is_ours(m)], ids=lambda m: m._meta.label
)
def test_every_other_packages_table_is_declared_personal_or_not(model):
    label = model._meta.label
    assert label in subjects.THIRD_PARTY or label in subjects.THIRD_PARTY_NOT_PERSONAL


def test_retention_names_only_tables_that_exist():
    # apps.get_model raises LookupError for a table that does not exist.
    assert all(apps.get_model(label) for label in retention.declarations())


def test_docs_retention_md_matches_the_declarations():
    doc = Path(__file__).resolve().parent.parent / "docs" / "retention.md"
    assert doc.read_text(encoding="utf-8") == retention.schedule_markdown(), (
        "run `python manage.py retention_schedule --write`"
    )


def test_the_nightly_purge_is_on_the_schedule():
    names = {e.name: e.task for e in SCHEDULE}
    assert names[retention.NIGHTLY] == "actlocally.privacy.tasks.purge_expired_personal_data"
