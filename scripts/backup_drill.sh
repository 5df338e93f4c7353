#!/usr/bin/env bash
# CI's backup drill (docs/operations.md), on SQLite and on PostgreSQL: load the demo (with its
# private documents) and an uploaded file, back up, wipe the database and the files, restore, and
# check that every table's row count and checksum and every file came back (`restore` fails if
# anything differs).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export ACTLOCALLY_DEMO=1 LOG_LEVEL=WARNING
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

drill() {
  local name=$1
  export DJANGO_MEDIA_ROOT="$work/$name-media" ACTLOCALLY_PRIVATE_ROOT="$work/$name-private"
  mkdir -p "$DJANGO_MEDIA_ROOT/uploads"
  echo "an uploaded file" > "$DJANGO_MEDIA_ROOT/uploads/drill.txt"
  $BIN/python scripts/create_database.py --fresh
  $BIN/python manage.py migrate --no-input --verbosity 0
  $BIN/python manage.py seed_demo --verbosity 0
  $BIN/python manage.py backup --output "$work/$name.tar.gz"
  # Wipe: a new, empty database and no uploaded files.
  case "$DATABASE_URL" in
    sqlite*) rm -f "$work/$name.sqlite3" ;;
    *) $BIN/python scripts/create_database.py --fresh ;;
  esac
  rm -rf "$DJANGO_MEDIA_ROOT" "$ACTLOCALLY_PRIVATE_ROOT"
  $BIN/python manage.py restore --yes "$work/$name.tar.gz"
  test "$(cat "$DJANGO_MEDIA_ROOT/uploads/drill.txt")" = "an uploaded file"
  echo "backup-drill: $name passed"
}

DATABASE_URL="sqlite:///$work/sqlite.sqlite3" drill sqlite
DATABASE_URL="${BACKUP_DRILL_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/actlocally_drill}" drill postgresql
