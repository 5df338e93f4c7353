#!/usr/bin/env bash
# CI's proof that `make serve` serves the platform: scripts/serve.sh (production settings,
# gunicorn, PostgreSQL, Redis, a worker and the scheduler) on a fresh database holding the demo,
# then the browser smoke test (tests/browser/test_smoke.py) against that server's address rather
# than the test's own live server. Every process it starts is stopped on the way out, and a
# failure anywhere fails the run. Bounded in time; talks only to 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin

export DATABASE_URL="${SMOKE_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/actlocally_smoke}"
export REDIS_URL="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/14}"
PORT=${SMOKE_PORT:-8303}
URL="http://127.0.0.1:$PORT"
export DJANGO_SECRET_KEY="$($BIN/python -c "import secrets; print(secrets.token_urlsafe(50))")"
export DJANGO_MEDIA_ROOT="$(mktemp -d)"
export DJANGO_STATIC_ROOT="$(mktemp -d)"
export GUNICORN_WORKERS=2 GUNICORN_THREADS=2 LOG_LEVEL=WARNING
# The smoke test signs in as the demo's people, who have no authenticator app: production's MFA
# rule is proved by tests/test_mfa.py and by make two-instances, which signs in with a code.
export ACTLOCALLY_REQUIRE_MFA=0
log="$(mktemp)"

server=""
stop() {
  status=$?
  if [ -n "$server" ]; then
    # serve.sh runs in a process group of its own: stopping the group stops whatever it is
    # doing (collectstatic, gunicorn, the worker, the scheduler), not only the script.
    kill -TERM -- "-$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ]; then
    echo "serve smoke test failed; the server said:" >&2
    tail -n 50 "$log" >&2 || true
  fi
  rm -rf "$DJANGO_MEDIA_ROOT" "$DJANGO_STATIC_ROOT" "$log"
  exit "$status"
}
trap stop EXIT INT TERM

# A fresh database with the demo in it: the demo is loaded in demo mode, the server is not.
$BIN/python scripts/create_database.py --fresh
ACTLOCALLY_DEMO=1 $BIN/python manage.py migrate --no-input --verbosity 0
ACTLOCALLY_DEMO=1 $BIN/python manage.py seed_demo --verbosity 0

PORT=$PORT setsid bash scripts/serve.sh >"$log" 2>&1 &
server=$!

# Ready when /healthz answers 200: database, cache and a worker that has run its heartbeat.
# collectstatic compresses every file first, which takes minutes on a busy machine.
for _ in $(seq 600); do
  if ! kill -0 "$server" 2>/dev/null; then
    echo "make serve stopped before it was ready" >&2
    exit 1
  fi
  if curl -fs -o /dev/null "$URL/healthz"; then break; fi
  sleep 1
done
curl -fsS "$URL/healthz" >/dev/null

# The tests read only pages: no database of their own (DATABASE_URL would point them at the
# server's), so they run on the test settings' SQLite with nothing in it.
env -u DATABASE_URL BROWSER_BASE_URL="$URL" timeout 300 $BIN/pytest tests/browser/test_smoke.py -q -n 0
