"""Structured logs: a request id for every request, carried on every log line, written as JSON."""

import contextvars
import json
import logging
import re
import time
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

# A request id from the reverse proxy is kept only if it is short and plain, so logs stay clean.
SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

request_logger = logging.getLogger("actlocally.request")


class RequestIdMiddleware:
    """Gives each request an id (the proxy's X-Request-ID, or a new one), answers it in the
    X-Request-ID header and logs one line per request with its status and duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        # Not reset afterwards: Django logs server errors after the middleware has returned, and
        # those lines should carry the id too. The next request on this thread sets its own.
        request_id_var.set(request_id)
        request.request_id = request_id
        start = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        request_logger.info(
            "request",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - start) * 1000, 1),
            },
        )
        return response


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id_var.get()
        return True


# Attributes every LogRecord has; anything else was passed in `extra=` and goes into the JSON.
_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {
    "message",
    "asctime",
    "request_id",
}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
        }
        for key, value in record.__dict__.items():
            if key not in _STANDARD and not key.startswith("_"):
                entry[key] = value if isinstance(value, int | float | bool | None) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


# Tasks that run every few seconds to show a process is alive: logging each run at INFO fills the
# `make run` console with two lines every 30 s. Their heartbeat rows (for /healthz) are unchanged.
QUIET_TASKS = frozenset({"actlocally.jobs.tasks.worker_heartbeat"})


class QuietHeartbeatFilter(logging.Filter):
    """On the django_tasks logger: a line about a heartbeat task is logged at DEBUG, so it shows
    only when LOG_LEVEL=DEBUG."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        if record.levelno > logging.INFO or not QUIET_TASKS.intersection(map(str, args)):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger(record.name).isEnabledFor(logging.DEBUG)
