"""The production platform's speed: 50 signed-in people against gunicorn (as `make serve` runs
it, on PostgreSQL and Redis, on loopback), and a task's round trip through a worker."""

# ruff: noqa: S603  every command here is a fixed list of this project's own programs

import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from . import benchmark

ROOT = Path(__file__).resolve().parent.parent.parent
BIN = Path(sys.executable).parent
LOAD_PORT = 8355
USERS, SECONDS = 50, 60
_load: dict[str, float] = {}

# Makes one database session per simulated person, for demo personas who see all three
# partnerships, and prints the session keys.
SIGN_IN = f"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from actlocally.accounts.models import User
people = list(User.objects.filter(email__in={
    "backbone@example.org", "board@example.org", "admin@example.org", "researcher@example.org"
}))
for n in range({USERS}):
    person = people[n % len(people)]
    session = SessionStore()
    session[SESSION_KEY] = str(person.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = person.get_session_auth_hash()
    session.create()
    print(session.session_key)
"""


def _serve_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "ACTLOCALLY_ENV": "production",
        "ACTLOCALLY_DEMO": "1",
        "DJANGO_SECRET_KEY": "bench-only-not-a-secret-" + "x" * 40,
        "DATABASE_URL": database_url,
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "ACTLOCALLY_PLAIN_STATIC": "1",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_BIND": f"127.0.0.1:{LOAD_PORT}",
    }


def _wait_for(url: str, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310  loopback only
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not answer")


def _run_load() -> dict[str, float]:
    """Once for both load figures: a fresh PostgreSQL database with the demo, gunicorn with the
    settings' workers and threads, a background worker, then locust headless for 60 s."""
    if _load:
        return _load
    database_url = os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/actlocally_bench"
    )
    env = _serve_env(database_url)
    python = str(BIN / "python")
    subprocess.run([python, "scripts/create_database.py", "--fresh"], cwd=ROOT, env=env, check=True)
    for command in (["migrate", "--no-input", "-v", "0"], ["seed_demo", "-v", "0"]):
        subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
    # People already signed in: 50 sign-ins in a minute from one address would meet the sign-in
    # rate limit (as they should), and the figure is about browsing, not password hashing.
    sessions = subprocess.run(
        [python, "manage.py", "shell", "-c", SIGN_IN],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    # `shell` also says what it imported: keep only the session keys.
    sessions = [key for key in sessions if len(key) == 32 and key.isalnum()]
    assert len(sessions) == USERS, sessions
    env["BENCH_SESSIONS"] = ",".join(sessions)
    processes = [
        subprocess.Popen([str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env),
        subprocess.Popen(
            [python, "manage.py", "db_worker", "--queue-name", "default"], cwd=ROOT, env=env
        ),
    ]
    try:
        host = f"http://127.0.0.1:{LOAD_PORT}"
        _wait_for(f"{host}/healthz?scope=web")
        prefix = Path(tempfile.mkdtemp(prefix="actlocally-locust-")) / "load"
        subprocess.run(
            [
                str(BIN / "locust"),
                "-f",
                "scripts/locustfile.py",
                "--headless",
                "--only-summary",
                "-u",
                str(USERS),
                "-r",
                "10",
                "-t",
                f"{SECONDS}s",
                "--stop-timeout",
                "5",
                "--host",
                host,
                "--csv",
                str(prefix),
                "--exit-code-on-error",
                "0",
            ],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=SECONDS + 60,
        )
        with open(f"{prefix}_stats.csv", newline="") as f:
            rows = {row["Name"]: row for row in csv.DictReader(f)}
        # Every request is a partnership page (people are already signed in).
        total = rows["Aggregated"]
        p95, count = float(total["95%"]), int(total["Request Count"])
        _load.update(p95=p95, errors=float(total["Failure Count"]), requests=float(count))
        return _load
    finally:
        for p in processes:
            p.terminate()
        for p in processes:
            p.wait(timeout=30)


@benchmark(
    "load-50-users-p95",
    unit="ms",
    target="under 300 ms (p95 of partnership pages, 50 signed-in users, 60 s, gunicorn on loopback)",
)
def load_p95() -> float:
    return _run_load()["p95"]


@benchmark("load-50-users-errors", unit="errors", target="0 (failed requests in that run)")
def load_errors() -> float:
    return _run_load()["errors"]


@benchmark(
    "task-roundtrip", unit="ms", target="under 2000 ms (queued no-op seen done, median of 10)"
)
def task_roundtrip() -> float:
    """A no-op queued in the database and seen finished, with a real `db_worker` process
    polling every 0.1 s (the production worker polls every second: add up to 1 s)."""
    from actlocally.jobs.tasks import noop

    # The settings' own backend (TASKS_BACKEND=database): the row goes through the database.
    worker = subprocess.Popen(
        [str(BIN / "python"), "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        cwd=ROOT,
        env={**os.environ, "LOG_LEVEL": "WARNING"},
    )
    try:
        times = []
        for _ in range(11):
            start = time.perf_counter()
            result = noop.enqueue()
            deadline = time.monotonic() + 30
            while not result.is_finished:
                if time.monotonic() > deadline:
                    raise RuntimeError("no worker ran the task")
                time.sleep(0.005)
                result.refresh()
            times.append((time.perf_counter() - start) * 1000)
        return statistics.median(times[1:])  # the first waits for the worker to start
    finally:
        worker.terminate()
        worker.wait(timeout=30)
