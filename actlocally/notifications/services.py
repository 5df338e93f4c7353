"""The one way the platform tells people something: `notify`. Other apps call it inside their
service's transaction; the emails go out from a background task once the transaction commits.

    from actlocally.notifications.models import Kind
    from actlocally.notifications.services import notify

    notify(
        kind=Kind.AGENDA_PUBLISHED,          # a Kind; its text is notifications/kinds/<kind>.txt
        recipients=people,                   # people (User) or, for invitations, email addresses
        subject=_("Agenda: …"),              # plain English, no prefix
        context={"meeting": meeting},        # for the kind's template (rendered now)
        url=meeting.get_absolute_url(),      # where the notification leads (made absolute)
        once_key=f"meeting:{meeting.pk}",    # optional: each recipient gets it at most once
        by=request.user,
    )

Each person chooses per kind (Preference): at once, in the weekly digest, or not by email; every
notification is also in their list at /notifications/, whatever they chose.

`on_failure=` is for the one caller that must tell the person in front of it whether the email
went (an invitation: the co-ordinator is told on the page). Those emails are sent in the request,
after the commit, instead of by the worker; a failed send calls `on_failure`.
"""

import logging
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from actlocally.core.audit import acting_as
from actlocally.core.text import single_line

from .models import ALWAYS_SENT, Frequency, Kind, Notification, Preference

UNSUBSCRIBE_SALT = "actlocally.notifications.unsubscribe"

logger = logging.getLogger(__name__)


def absolute(url: str) -> str:
    return url if url.startswith(("http://", "https://")) or not url else settings.SITE_URL + url


def frequencies_for(people: Iterable, kind: str) -> dict[int, str]:
    chosen = dict(
        Preference.objects.filter(person__in=list(people), kind=kind).values_list(
            "person_id", "frequency"
        )
    )
    return {p.pk: chosen.get(p.pk, Frequency.IMMEDIATE) for p in people}


def notify(
    *,
    kind: str,
    recipients: Iterable,
    subject: str,
    context: dict[str, Any],
    url: str = "",
    once_key: str = "",
    on_failure: Callable[[], None] | None = None,
    by=None,
) -> list[Notification]:
    """Record a notification for each recipient and email those who want it at once, after
    the transaction commits. Returns the notifications made (none for a repeated `once_key`)."""
    kind = Kind(kind)
    recipients = list(recipients)
    # One notification per person, however often they are passed in.
    people = list({r.pk: r for r in recipients if not isinstance(r, str)}.values())
    addresses = sorted({r.strip().lower() for r in recipients if isinstance(r, str)})
    if once_key:
        already = set(
            Notification.objects.filter(
                kind=kind, once_key=once_key, recipient__in=people
            ).values_list("recipient_id", flat=True)
        )
        people = [p for p in people if p.pk not in already]
    frequency = frequencies_for(people, kind)
    link = absolute(url)
    made = []
    with transaction.atomic(), acting_as(by):
        for recipient in [*people, *addresses]:
            is_person = not isinstance(recipient, str)
            chosen = frequency[recipient.pk] if is_person else Frequency.IMMEDIATE
            if kind in ALWAYS_SENT:
                chosen = Frequency.IMMEDIATE
            body = render_to_string(
                f"notifications/kinds/{kind.value}.txt",
                {**context, "recipient": recipient if is_person else None, "url": link},
            ).strip()
            made.append(
                Notification(
                    recipient=recipient if is_person else None,
                    email="" if is_person else recipient,
                    kind=kind,
                    # A subject is an email header: one line (a name may have held a line break).
                    subject=single_line(subject),
                    body=body,
                    url=link,
                    once_key=once_key if is_person else "",
                    delivery={
                        Frequency.IMMEDIATE: Notification.Delivery.IMMEDIATE,
                        Frequency.DIGEST: Notification.Delivery.DIGEST,
                        Frequency.OFF: Notification.Delivery.NONE,
                    }[chosen],
                )
            )
        Notification.objects.bulk_create(made)
        to_email = [n.pk for n in made if n.delivery == Notification.Delivery.IMMEDIATE]
        if to_email:
            from .tasks import send_emails

            if on_failure is None:
                transaction.on_commit(lambda: send_emails.enqueue(notification_ids=to_email))
            else:
                transaction.on_commit(lambda: _send_now(to_email, on_failure))
    return made


def _send_now(notification_ids: list[int], on_failure: Callable[[], None]) -> None:
    """Send in this process, so the page can say whether it went. A failed send leaves the
    write it reports standing, is logged, and clears the notification's text: an invitee's
    text holds a one-time link, and only its hash is kept anywhere else."""
    from .tasks import send_emails

    try:
        send_emails.call(notification_ids=notification_ids)
    except Exception:
        addresses = Notification.objects.filter(pk__in=notification_ids)
        logger.exception(
            "Could not send notification email to %s",
            ", ".join(n.address for n in addresses.select_related("recipient")),
        )
        addresses.filter(recipient__isnull=True, emailed_at__isnull=True).update(body="")
        on_failure()


def set_preferences(*, person, frequencies: dict[str, str], by) -> None:
    """Save a person's choice per kind (kinds that are always sent are left alone)."""
    with transaction.atomic(), acting_as(by):
        for kind, frequency in frequencies.items():
            if Kind(kind) in ALWAYS_SENT:
                continue
            Preference.objects.update_or_create(
                person=person, kind=kind, defaults={"frequency": Frequency(frequency)}
            )


def mark_all_read(*, person, by) -> int:
    with transaction.atomic(), acting_as(by):
        return Notification.objects.filter(recipient=person, read_at__isnull=True).update(
            read_at=timezone.now()
        )


def unsubscribe_token(person, kind: str) -> str:
    """A link that turns one kind of email off for one person, without signing in."""
    return signing.dumps({"p": person.pk, "k": str(kind)}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, Kind] | None:
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        return int(data["p"]), Kind(data["k"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


def unsubscribe(*, person, kind: str) -> None:
    set_preferences(person=person, frequencies={kind: Frequency.OFF}, by=None)
