"""Backups: one archive holding the database (pg_dump, or SQLite's online backup), the uploaded
files, applicants' private documents and a manifest of every table's row count and checksum, and
a restore that checks it."""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"

# The folders of files a backup carries, by their name in the archive and the setting that says
# where they are. Linked record-level data and its pseudonymisation keys (LINKAGE_DATA_DIR,
# LINKAGE_KEY_DIR) are left out on purpose: they are destroyed when a linkage project ends and a
# copy in every backup would outlive that promise (ADR 25).
FILE_FOLDERS = {MEDIA: "MEDIA_ROOT", "private": "GRANTS_PRIVATE_ROOT"}


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says what to fix."""


@dataclass(frozen=True)
class TableSummary:
    rows: int
    checksum: str


def _engine(alias: str = "default") -> str:
    engine = connections[alias].settings_dict["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _cell(value) -> str:
    # memoryview (PostgreSQL bytea) and bytes hash by content, not by object address.
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.hex()
    return repr(value)


def summarise_tables(alias: str = "default") -> dict[str, TableSummary]:
    """Every table's row count and a checksum of its rows in a fixed order."""
    connection = connections[alias]
    summaries = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            quoted = connection.ops.quote_name(table)
            columns = connection.introspection.get_table_description(cursor, table)
            order = ", ".join(str(i) for i in range(1, len(columns) + 1))
            cursor.execute(f"SELECT * FROM {quoted} ORDER BY {order}")  # noqa: S608 (names from introspection)
            digest = hashlib.sha256()
            rows = 0
            for row in cursor.fetchall():
                digest.update("\x1f".join(_cell(v) for v in row).encode())
                digest.update(b"\x1e")
                rows += 1
            summaries[table] = TableSummary(rows=rows, checksum=digest.hexdigest())
    return summaries


def _pg_env(settings_dict: dict) -> dict[str, str]:
    env = dict(os.environ)
    for key, var in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER")):
        if settings_dict.get(key):
            env[var] = str(settings_dict[key])
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def _run(command: list[str], env: dict[str, str]) -> None:
    tool = command[0]
    if shutil.which(tool) is None:
        raise BackupError(f"{tool} is not installed: install PostgreSQL's client tools.")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()[:2000]}")


def _dump_database(folder: Path, alias: str) -> str:
    connection = connections[alias]
    if _engine(alias) == "sqlite":
        target = folder / "database.sqlite3"
        connection.ensure_connection()
        # The online backup API copies a consistent snapshot while the platform keeps running.
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target.name
    target = folder / "database.dump"
    settings_dict = connection.settings_dict
    _run(
        ["pg_dump", "--format=custom", "--no-owner", "--no-privileges",
         f"--file={target}", settings_dict["NAME"]],
        _pg_env(settings_dict),
    )  # fmt: skip
    return target.name


def _folder(name: str) -> Path:
    return Path(getattr(settings, FILE_FOLDERS[name]))


def _count_key(name: str) -> str:
    return f"{name}_files"


def create_backup(*, output: Path, alias: str = "default") -> dict:
    """Write one archive (.tar.gz) of the database, the uploaded files and a manifest."""
    engine = _engine(alias)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        database_file = _dump_database(folder, alias)
        manifest = {
            "format": FORMAT_VERSION,
            "created": datetime.now(UTC).isoformat(),
            "engine": engine,
            "database_file": database_file,
            "tables": {
                name: {"rows": s.rows, "checksum": s.checksum}
                for name, s in summarise_tables(alias).items()
            },
            **{_count_key(name): 0 for name in FILE_FOLDERS},
        }
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / database_file, arcname=database_file)
            for name in FILE_FOLDERS:
                root = _folder(name)
                if not root.is_dir():
                    continue
                for path in sorted(p for p in root.rglob("*") if p.is_file()):
                    archive.add(path, arcname=f"{name}/{path.relative_to(root).as_posix()}")
                    manifest[_count_key(name)] += 1
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        # Renamed only when complete, so a backup that failed halfway is never mistaken for one.
        partial.replace(output)
    return manifest


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            member = archive.extractfile(MANIFEST)
            if member is None:
                raise KeyError(MANIFEST)
            manifest = json.load(member)
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"{archive_path} is not an Act Locally backup: {error}") from error
    if manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive_path} has backup format {manifest.get('format')!r}.")
    return manifest


def _restore_database(folder: Path, manifest: dict, alias: str) -> None:
    connection = connections[alias]
    source = folder / manifest["database_file"]
    if _engine(alias) == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(source) as backup:
            backup.backup(connection.connection)
        backup.close()
        return
    settings_dict = connection.settings_dict
    connection.close()
    _run(
        ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges",
         "--single-transaction", f"--dbname={settings_dict['NAME']}", str(source)],
        _pg_env(settings_dict),
    )  # fmt: skip


def _restore_folder(archive: tarfile.TarFile, name: str) -> int:
    root = _folder(name)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    members = [m for m in archive.getmembers() if m.name.startswith(f"{name}/") and m.isfile()]
    for member in members:
        member.name = member.name[len(name) + 1 :]
    # The "data" filter refuses absolute paths, links out of the folder and device files.
    archive.extractall(root, members=members, filter="data")
    return len(members)


def differences(expected: dict, actual: dict[str, TableSummary]) -> list[str]:
    """What differs between a manifest's tables and the database's, in words."""
    problems = []
    for table in sorted(set(expected) | set(actual)):
        if table not in actual:
            problems.append(f"{table}: missing after restore")
        elif table not in expected:
            problems.append(f"{table}: not in the backup")
        elif expected[table]["rows"] != actual[table].rows:
            problems.append(
                f"{table}: {expected[table]['rows']} rows in the backup, {actual[table].rows} now"
            )
        elif expected[table]["checksum"] != actual[table].checksum:
            problems.append(f"{table}: same row count, different contents")
    return problems


def restore_backup(*, archive_path: Path, alias: str = "default") -> dict:
    """Replace the database and uploaded files with the archive's, then check every table."""
    manifest = read_manifest(archive_path)
    if manifest["engine"] != _engine(alias):
        raise BackupError(
            f"This backup is of a {manifest['engine']} database; this platform uses "
            f"{_engine(alias)}. Restore it into a {manifest['engine']} database."
        )
    with tempfile.TemporaryDirectory() as tmp, tarfile.open(archive_path, "r:gz") as archive:
        archive.extract(manifest["database_file"], tmp, filter="data")
        _restore_database(Path(tmp), manifest, alias)
        restored = {name: _restore_folder(archive, name) for name in FILE_FOLDERS}
    problems = differences(manifest["tables"], summarise_tables(alias))
    for name, count in restored.items():
        # A backup taken before a folder was carried has no count for it: none were in it.
        expected = manifest.get(_count_key(name), 0)
        if count != expected:
            problems.append(f"{name}: {expected} files in the backup, {count} restored")
    if problems:
        raise BackupError("The restored platform differs from the backup:\n" + "\n".join(problems))
    return manifest
