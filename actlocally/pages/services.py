"""Writes of the pages app: storing feedback."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from .models import Feedback


def safe_page(path: str) -> str:
    """The page feedback is about, kept only if it is a path on this site."""
    path = (path or "").strip()[:300]
    if not path.startswith("/") or not url_has_allowed_host_and_scheme(path, allowed_hosts=None):
        return ""
    return path


@transaction.atomic
def give_feedback(*, trying_to: str, how_it_went: str, email: str, page: str, by) -> Feedback:
    # Feedback is not copied into the audit log: it may hold an email address, and the row
    # itself is the record. `by` is not stored, so signed-in feedback is as anonymous as any.
    return Feedback.objects.create(
        trying_to=trying_to, how_it_went=how_it_went, email=email, page=safe_page(page)
    )


# The privacy notice says feedback is kept for 12 months.
KEEP_FEEDBACK = datetime.timedelta(days=365)


@transaction.atomic
def forget_old_feedback(*, now: datetime.datetime | None = None) -> int:
    before = (now or timezone.now()) - KEEP_FEEDBACK
    deleted, _ = Feedback.objects.filter(created_at__lt=before).delete()
    return deleted


def may_give_feedback(request) -> bool:
    """Counts a feedback post against the limit for its address (ACCOUNT_RATE_LIMITS
    "feedback"): enough for a room sharing one Wi-Fi, too few to flood the list."""
    from allauth.core import ratelimit

    return ratelimit.consume(request, action="feedback")
