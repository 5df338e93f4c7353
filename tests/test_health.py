"""/healthz for the load balancer, and structured logs with a request id."""

import datetime
import json
import logging

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from actlocally.core import health
from actlocally.core.logging import JsonFormatter, RequestIdFilter, request_id_var
from actlocally.jobs.services import beat


@pytest.fixture
def alive(db):
    beat("worker")
    beat("scheduler")


def test_healthz_is_ok_when_database_cache_and_worker_are(client, alive):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert set(response.json()["checks"]) == {"database", "cache", "worker", "scheduler"}


def test_healthz_is_503_when_the_worker_has_not_been_seen(client, alive):
    later = timezone.now() + datetime.timedelta(minutes=10)
    with time_machine.travel(later, tick=False):
        response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["worker"]["ok"] is False


def test_healthz_is_503_when_the_database_is_down(client, alive, monkeypatch):
    def down():
        raise ConnectionError("no database")

    monkeypatch.setitem(health.CHECKS, "database", down)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {"ok": False, "error": "ConnectionError"}


def test_healthz_is_503_when_the_cache_loses_what_it_was_given(client, alive, monkeypatch):
    monkeypatch.setattr(health.cache, "get", lambda *a, **k: None)
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["ok"] is False


def test_healthz_web_scope_ignores_a_stopped_worker(client, db):
    response = client.get(reverse("healthz"), {"scope": "web"})
    assert response.status_code == 200
    assert set(response.json()["checks"]) == {"database", "cache"}


def test_every_response_carries_a_request_id(client, db):
    response = client.get(reverse("home"))
    assert len(response["X-Request-ID"]) == 32


def test_a_proxy_request_id_is_kept_if_it_is_plain(client, db):
    response = client.get(reverse("home"), HTTP_X_REQUEST_ID="proxy-abc-12345")
    assert response["X-Request-ID"] == "proxy-abc-12345"
    response = client.get(reverse("home"), HTTP_X_REQUEST_ID="<script>alert(1)</script>")
    assert response["X-Request-ID"] != "<script>alert(1)</script>"


def test_log_lines_are_json_with_the_request_id():
    token = request_id_var.set("req-1234567")
    try:
        record = logging.LogRecord("x", logging.INFO, __file__, 1, "hello %s", ("world",), None)
        record.status = 200
        RequestIdFilter().filter(record)
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["message"] == "hello world"
    assert line["request_id"] == "req-1234567"
    assert line["status"] == 200


def _sentry_active(env: dict) -> bool:
    import os
    import subprocess
    import sys

    code = "import actlocally.settings, sentry_sdk; print(sentry_sdk.get_client().is_active())"
    result = subprocess.run(  # noqa: S603  this interpreter, a fixed program
        [sys.executable, "-c", code],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip() == "True"


def test_sentry_is_initialised_only_when_a_dsn_is_set():
    assert _sentry_active({"SENTRY_DSN": ""}) is False
    assert _sentry_active({"SENTRY_DSN": "https://public@sentry.invalid/1"}) is True
