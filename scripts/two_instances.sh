#!/usr/bin/env bash
# CI's proof that app servers are stateless: two gunicorn instances on different loopback ports,
# one PostgreSQL (a fresh database) and one Redis, one background worker. A sign-in on the first
# is valid on the second, and an upload queued through the first is run by the worker and seen
# finished through the second. Bounded in time; talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export ACTLOCALLY_ENV=production
export DJANGO_SECRET_KEY="$(.venv/bin/python -c "import secrets; print(secrets.token_urlsafe(50))")"
export DATABASE_URL="${TWO_INSTANCES_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/actlocally_ci}"
export REDIS_URL="${TWO_INSTANCES_REDIS_URL:-redis://127.0.0.1:6379/15}"
export DJANGO_ALLOWED_HOSTS=127.0.0.1
export DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0
export DJANGO_MEDIA_ROOT="$(mktemp -d)"   # both instances and the worker share this store
export DJANGO_STATIC_ROOT="$(mktemp -d)"
export GUNICORN_WORKERS=1 GUNICORN_THREADS=2 LOG_LEVEL=WARNING
PORT_A=${PORT_A:-8301}
PORT_B=${PORT_B:-8302}

$BIN/python scripts/create_database.py --fresh
$BIN/python manage.py migrate --no-input --verbosity 0
$BIN/python manage.py collectstatic --no-input --verbosity 0

pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$DJANGO_MEDIA_ROOT" "$DJANGO_STATIC_ROOT"
}
trap stop EXIT INT TERM
GUNICORN_BIND=127.0.0.1:$PORT_A $BIN/gunicorn -c gunicorn.conf.py &
pids+=($!)
GUNICORN_BIND=127.0.0.1:$PORT_B $BIN/gunicorn -c gunicorn.conf.py &
pids+=($!)
$BIN/python manage.py db_worker --queue-name default --interval 0.5 --no-startup-delay &
pids+=($!)

timeout 180 $BIN/python scripts/two_instances_check.py "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B"
