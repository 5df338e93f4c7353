#!/usr/bin/env bash
# `make serve`: the platform as a council runs it — production settings, PostgreSQL, Redis,
# gunicorn, a background worker and the scheduler — on this machine's loopback address.
# Every variable below can be set beforehand; docs/deploy.md lists them all.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export ACTLOCALLY_ENV=production
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/actlocally}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export GUNICORN_BIND="${GUNICORN_BIND:-127.0.0.1:${PORT:-8000}}"
export DJANGO_ALLOWED_HOSTS="${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}"
# A secret of this machine's own, kept in var/, unless one is given.
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  mkdir -p var
  [ -s var/secret_key ] || $BIN/python -c "import secrets; print(secrets.token_urlsafe(50))" > var/secret_key
  DJANGO_SECRET_KEY="$(cat var/secret_key)"
  export DJANGO_SECRET_KEY
fi
# Plain HTTP on loopback has no TLS proxy in front: no redirect to https, cookies without Secure.
# Never set these two on a server people reach over the network.
export DJANGO_SECURE_SSL_REDIRECT="${DJANGO_SECURE_SSL_REDIRECT:-0}"
export DJANGO_SECURE_COOKIES="${DJANGO_SECURE_COOKIES:-0}"

$BIN/python scripts/create_database.py
$BIN/python manage.py migrate --no-input
$BIN/python manage.py collectstatic --no-input --verbosity 0
if [ "${ACTLOCALLY_DEMO:-}" = "1" ]; then
  $BIN/python manage.py seed_demo
fi

pids=()
stop() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
for _ in $(seq "${WORKER_PROCESSES:-1}"); do
  $BIN/python manage.py db_worker --queue-name default --interval 1 &
  pids+=($!)
done
$BIN/python manage.py run_scheduler &
pids+=($!)
echo "Serving Act Locally (production settings) at http://${GUNICORN_BIND}"
$BIN/gunicorn -c gunicorn.conf.py &
pids+=($!)
wait "${pids[-1]}"
