"""The daily job that deletes expired sessions (Django leaves their rows in the table)."""

from importlib import import_module

from django.conf import settings
from django_tasks import task


@task()
def clear_expired_sessions() -> str:
    """Run daily by the scheduler (jobs/schedule.py), as `manage.py clearsessions` would."""
    engine = import_module(settings.SESSION_ENGINE)
    engine.SessionStore.clear_expired()
    return "ok"
