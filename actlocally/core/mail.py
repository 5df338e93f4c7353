"""Sending mail once the write it reports is committed, without ever failing the page."""

import logging
from collections.abc import Callable

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction

from .text import single_line

logger = logging.getLogger(__name__)


def send_after_commit(
    *,
    subject: str,
    body: str,
    to: list[str],
    on_failure: Callable[[], None] | None = None,
) -> None:
    """Queue an email for when the current transaction commits.

    A failed send (a bad header, the mail server down) is logged and reported through
    `on_failure`: the write it belongs to stands, and the page says what did not happen.
    """

    def send() -> None:
        try:
            send_mail(
                single_line(settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject),
                body,
                settings.DEFAULT_FROM_EMAIL,
                to,
            )
        except Exception:
            logger.exception("Could not send %r to %s", subject, ", ".join(to))
            if on_failure is not None:
                on_failure()

    transaction.on_commit(send)
