"""Backups: the manifest catches any difference, bad archives are refused, SQLite round-trips."""

import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from actlocally.operations.backups import (
    BackupError,
    TableSummary,
    create_backup,
    differences,
    read_manifest,
    restore_backup,
    summarise_tables,
)
from actlocally.organisations.models import Organisation

from .factories import OrganisationFactory

# Restores replace the whole database, so these tests run outside a transaction; serialized
# rollback puts the migrations' rows back afterwards for the tests that follow on this worker.
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL is drilled by scripts/backup_drill.sh in CI"
)


def test_differences_name_a_table_whose_row_count_changed():
    expected = {"t": {"rows": 2, "checksum": "a"}}
    assert differences(expected, {"t": TableSummary(rows=1, checksum="a")}) == [
        "t: 2 rows in the backup, 1 now"
    ]


def test_differences_name_a_table_whose_contents_changed():
    expected = {"t": {"rows": 2, "checksum": "a"}}
    assert differences(expected, {"t": TableSummary(rows=2, checksum="b")}) == [
        "t: same row count, different contents"
    ]


def test_differences_name_a_missing_table():
    expected = {"t": {"rows": 0, "checksum": "a"}}
    assert differences(expected, {}) == ["t: missing after restore"]


@pytest.mark.django_db
def test_a_table_checksum_changes_when_one_row_changes():
    organisation = OrganisationFactory(name="Keighley Healthy Living")
    before = summarise_tables()[Organisation._meta.db_table]
    Organisation.objects.filter(pk=organisation.pk).update(name="Keighley Healthy Living CIC")
    after = summarise_tables()[Organisation._meta.db_table]
    assert (before.rows, before.checksum != after.checksum) == (after.rows, True)


def test_a_file_that_is_not_a_backup_is_refused_with_its_name(tmp_path):
    path = tmp_path / "notes.tar.gz"
    path.write_bytes(b"not an archive")
    with pytest.raises(BackupError, match=r"notes\.tar\.gz is not an Act Locally backup"):
        read_manifest(path)


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_of_another_database_engine_is_refused(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    manifest = read_manifest(archive)
    manifest["engine"] = "postgresql"
    _rewrite_manifest(archive, manifest, tmp_path)
    with pytest.raises(BackupError, match="backup is of a postgresql database"):
        restore_backup(archive_path=archive)


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_brings_back_rows_deleted_after_the_backup(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    OrganisationFactory(name="Holme Wood Community Pantry")
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    Organisation.objects.all().delete()
    restore_backup(archive_path=archive)
    assert list(Organisation.objects.values_list("name", flat=True)) == [
        "Holme Wood Community Pantry"
    ]


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_brings_back_uploaded_files(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "uploads").mkdir(parents=True)
    (tmp_path / "media" / "uploads" / "schools.csv").write_text("URN,EstablishmentName\n")
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    (tmp_path / "media" / "uploads" / "schools.csv").unlink()
    restore_backup(archive_path=archive)
    assert (tmp_path / "media" / "uploads" / "schools.csv").read_text() == "URN,EstablishmentName\n"


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restore_brings_back_applicants_private_documents(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GRANTS_PRIVATE_ROOT = tmp_path / "private"
    (tmp_path / "private" / "ab").mkdir(parents=True)
    (tmp_path / "private" / "ab" / "constitution.pdf").write_bytes(b"%PDF-1.4 constitution")
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    (tmp_path / "private" / "ab" / "constitution.pdf").unlink()
    restore_backup(archive_path=archive)
    assert (tmp_path / "private" / "ab" / "constitution.pdf").read_bytes() == (
        b"%PDF-1.4 constitution"
    )


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_taken_before_private_documents_were_carried_still_restores(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.GRANTS_PRIVATE_ROOT = tmp_path / "private"
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    manifest = read_manifest(archive)
    del manifest["private_files"]
    _rewrite_manifest(archive, manifest, tmp_path)
    assert restore_backup(archive_path=archive)["tables"] == manifest["tables"]


@sqlite_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_without_yes_asks_and_restores_nothing_unless_told(tmp_path, settings, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    archive = tmp_path / "b.tar.gz"
    create_backup(output=archive)
    OrganisationFactory(name="Made after the backup")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing was restored"):
        call_command("restore", str(archive))
    assert Organisation.objects.filter(name="Made after the backup").exists()


def _rewrite_manifest(archive, manifest, tmp_path):
    rebuilt = tmp_path / "rebuilt.tar.gz"
    with tarfile.open(archive, "r:gz") as old, tarfile.open(rebuilt, "w:gz") as new:
        for member in old.getmembers():
            if member.name == "manifest.json":
                data = json.dumps(manifest).encode()
                member.size = len(data)
                new.addfile(member, io.BytesIO(data))
            else:
                new.addfile(member, old.extractfile(member))
    rebuilt.replace(archive)
