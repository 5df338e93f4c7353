#!/usr/bin/env bash
# `make run`'s server: runserver on SQLite, with a background worker and the scheduler beside it,
# both stopped when runserver stops (Ctrl+C).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export ACTLOCALLY_DEMO=1
pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
$BIN/python manage.py db_worker --queue-name default --interval 1 &
pids+=($!)
$BIN/python manage.py run_scheduler &
pids+=($!)
$BIN/python manage.py runserver "127.0.0.1:${PORT:-8000}"
