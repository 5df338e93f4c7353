"""/healthz for the operator's load balancer: the database, the cache and the background worker."""

import datetime
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True}


def _cache() -> dict:
    key, value = "healthz", uuid.uuid4().hex
    cache.set(key, value, 30)
    return {"ok": cache.get(key) == value}


def _heartbeat(name: str) -> dict:
    from actlocally.jobs.models import Heartbeat

    seen = Heartbeat.objects.filter(name=name).values_list("seen_at", flat=True).first()
    if seen is None:
        return {"ok": False, "seen": None}
    age = (timezone.now() - seen).total_seconds()
    max_age = datetime.timedelta(seconds=settings.HEARTBEAT_MAX_AGE_SECONDS).total_seconds()
    return {"ok": age <= max_age, "seen": seen.isoformat(), "age_seconds": round(age, 1)}


CHECKS = {
    "database": _database,
    "cache": _cache,
    "worker": lambda: _heartbeat("worker"),
    "scheduler": lambda: _heartbeat("scheduler"),
}
# `?scope=web` checks only what a web server needs, so a stopped worker does not take every web
# server out of the load balancer; the full check is for monitoring.
WEB_CHECKS = ("database", "cache")


@never_cache
def healthz(request):
    names = WEB_CHECKS if request.GET.get("scope") == "web" else tuple(CHECKS)
    results = {}
    for name in names:
        try:
            results[name] = CHECKS[name]()
        except Exception as e:  # any failure of a dependency is an unhealthy answer, not a 500
            logger.warning("health check failed", extra={"check": name, "error": repr(e)})
            results[name] = {"ok": False, "error": type(e).__name__}
    healthy = all(r["ok"] for r in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "unhealthy", "checks": results},
        status=200 if healthy else 503,
    )
