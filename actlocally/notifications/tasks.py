"""Sending notifications: emails (one per notification, or a weekly digest) and the daily action
reminders. Run by the worker; the scheduler queues the daily and weekly ones."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from .models import Kind, Notification
from .services import absolute, notify, unsubscribe_token

logger = logging.getLogger(__name__)

REMIND_DAYS_BEFORE = 7


def _unsubscribe_url(notification: Notification) -> str:
    if notification.recipient_id is None:
        return ""
    token = unsubscribe_token(notification.recipient, notification.kind)
    return absolute(reverse("notifications_unsubscribe", kwargs={"token": token}))


def _send(*, to: str, subject: str, context: dict, unsubscribe_url: str) -> None:
    context = {**context, "unsubscribe_url": unsubscribe_url, "site_url": settings.SITE_URL}
    message = EmailMultiAlternatives(
        subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + subject,
        body=render_to_string("notifications/email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers=({"List-Unsubscribe": f"<{unsubscribe_url}>"} if unsubscribe_url else {}),
    )
    message.attach_alternative(render_to_string("notifications/email.html", context), "text/html")
    message.send()


@task()
def send_emails(notification_ids: list[int]) -> int:
    """Email each notification not emailed yet; returns how many were sent."""
    sent = 0
    for n in Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("recipient"):
        _send(
            to=n.address,
            subject=n.subject,
            context={"notifications": [n], "kind": n.get_kind_display()},
            unsubscribe_url=_unsubscribe_url(n),
        )
        n.emailed_at = timezone.now()
        fields = ["emailed_at"]
        if n.recipient_id is None:
            # An invitee's link is a secret: once it is emailed, no copy is kept.
            n.body = ""
            fields.append("body")
        n.save(update_fields=fields)
        sent += 1
    return sent


@task()
def send_weekly_digests() -> int:
    """One email per person with everything they chose to get weekly; returns emails sent."""
    pending = list(
        Notification.objects.filter(
            delivery=Notification.Delivery.DIGEST, emailed_at__isnull=True, recipient__isnull=False
        )
        .select_related("recipient")
        .order_by("recipient_id", "created_at")
    )
    by_person: dict[int, list[Notification]] = {}
    for n in pending:
        by_person.setdefault(n.recipient_id, []).append(n)
    for items in by_person.values():
        _send(
            to=items[0].address,
            subject=_("Your weekly summary from Act Locally"),
            context={"notifications": items, "digest": True},
            unsubscribe_url=absolute(reverse("profile")),
        )
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(emailed_at=timezone.now())
    return len(by_person)


@task()
def send_action_reminders(today: str | None = None) -> int:
    """Tell each action's owner once when it is due within a week, and once when it is overdue
    (again only if its due date changes). `today` (ISO date) is for tests and catching up."""
    from actlocally.actions.models import Action

    day = datetime.date.fromisoformat(today) if today else timezone.localdate()
    # Only owners who are still members of the action's partnership (as the permission table).
    actions = (
        Action.objects.open()
        .filter(
            owner__isnull=False,
            owner__is_active=True,
            owner__memberships__partnership=F("partnership"),
            due_on__isnull=False,
            due_on__lte=day + datetime.timedelta(days=REMIND_DAYS_BEFORE),
        )
        .select_related("owner", "partnership")
    )
    made = 0
    for action in actions:
        overdue = action.due_on < day
        if not overdue and action.due_on == day:
            continue  # due today: neither "in a week" nor overdue yet
        kind = Kind.ACTION_OVERDUE if overdue else Kind.ACTION_DUE_SOON
        subject = (_("Overdue: %(action)s") if overdue else _("Due on %(date)s: %(action)s")) % {
            "action": action.title,
            "date": action.due_on.strftime("%-d %B %Y"),
        }
        made += len(
            notify(
                kind=kind,
                recipients=[action.owner],
                subject=subject,
                context={"action": action, "partnership": action.partnership},
                url=action.get_absolute_url(),
                once_key=f"action:{action.pk}:{kind.value}:{action.due_on.isoformat()}",
                by=None,
            )
        )
    return made
