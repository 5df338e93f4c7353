"""Where a project's record-level data lives, and its pseudonymisation key.

Each project has a folder under LINKAGE_DATA_DIR holding two DuckDB files:
- `data.duckdb`: pseudonymised tables (keyed hashes, no names, dates of birth or postcodes), the
  person links and the analysts' read-only views;
- `identifiers.duckdb`: the identifier store (names, dates of birth, sex, postcodes by record
  pseudonym), which only the linkage step opens, deleted once linkage is done.
The key (32 random bytes) is one file per project under LINKAGE_KEY_DIR (ADR 0025).
"""

import hashlib
import hmac
import os
import secrets
import shutil
from pathlib import Path

import duckdb
from django.conf import settings

KEY_BYTES = 32


def folder(project_id: int) -> Path:
    return Path(settings.LINKAGE_DATA_DIR) / f"project-{int(project_id)}"


def data_path(project_id: int) -> Path:
    return folder(project_id) / "data.duckdb"


def identifiers_path(project_id: int) -> Path:
    return folder(project_id) / "identifiers.duckdb"


def key_path(project_id: int) -> Path:
    return Path(settings.LINKAGE_KEY_DIR) / f"project-{int(project_id)}.key"


def key(project_id: int) -> bytes:
    """The project's key, made on first use (readable by the app's user only)."""
    path = key_path(project_id)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process made it first: use theirs
        else:
            with os.fdopen(fd, "wb") as f:
                f.write(secrets.token_bytes(KEY_BYTES))
    value = path.read_bytes()
    if len(value) != KEY_BYTES:
        raise RuntimeError(f"The linkage key {path} is damaged: it must be {KEY_BYTES} bytes.")
    return value


def destroy(project_id: int) -> None:
    """Delete the project's data and its key: its pseudonyms can never be reversed or recomputed."""
    shutil.rmtree(folder(project_id), ignore_errors=True)
    key_path(project_id).unlink(missing_ok=True)


def pseudonym(secret: bytes, purpose: str, value: str) -> str:
    """HMAC-SHA256 of `value` in the namespace `purpose` ("upn", "nhs", "record:health"), 128 bits
    in hex. Keyed, because NHS numbers and UPNs are small spaces: a plain hash of every possible
    value can be computed in minutes, a keyed one not without the key."""
    message = f"{purpose}\x1f{value}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def pseudonyms(secret: bytes, purpose: str, values: list[str | None]) -> list[str | None]:
    base = hmac.new(secret, digestmod=hashlib.sha256)
    prefix = f"{purpose}\x1f".encode()
    out: list[str | None] = []
    for value in values:
        if value is None or value == "":
            out.append(None)
            continue
        h = base.copy()
        h.update(prefix + value.encode())
        out.append(h.hexdigest()[:32])
    return out


def connect_data(project_id: int, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = data_path(project_id)
    if read_only and not path.exists():
        raise FileNotFoundError(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return duckdb.connect(str(path), read_only=read_only)


def connect_identifiers(project_id: int, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = identifiers_path(project_id)
    if read_only and not path.exists():
        raise FileNotFoundError(path)
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return duckdb.connect(str(path), read_only=read_only)


def purge_identifiers(project_id: int) -> bool:
    """Delete the identifier store (and DuckDB's write-ahead log); True if there was one."""
    path = identifiers_path(project_id)
    existed = path.exists()
    path.unlink(missing_ok=True)
    Path(f"{path}.wal").unlink(missing_ok=True)
    return existed


def tables(project_id: int) -> set[str]:
    if not data_path(project_id).exists():
        return set()
    with connect_data(project_id, read_only=True) as con:
        return {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
