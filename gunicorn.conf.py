"""gunicorn's settings for `make serve` and production: processes and threads come from the
Django settings (GUNICORN_WORKERS, GUNICORN_THREADS), the address from GUNICORN_BIND."""

import os

from actlocally import settings

wsgi_app = "actlocally.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = settings.GUNICORN_WORKERS
threads = settings.GUNICORN_THREADS
# Requests log themselves as JSON with their request id (actlocally/core/logging.py).
accesslog = None
errorlog = "-"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On SIGHUP or SIGTERM a worker finishes the requests it has before it stops (zero downtime).
graceful_timeout = 30
# Keep idle connections a little longer than people (and the proxy) pause between pages, so a
# request never races the server closing its connection.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then, so a slow leak never takes a server down.
max_requests = 2000
max_requests_jitter = 200
# The reverse proxy terminates TLS and says so in X-Forwarded-Proto (see docs/deploy.md).
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# gunicorn 27's control socket sits at one path per user, so two instances on one machine (and
# `make two-instances`) would fight over it; processes are managed by signals instead.
control_socket_disable = True
