"""Reads of notifications: a person's list, and the unread count shown in the header."""

from .models import Notification

LIST_LENGTH = 50


def latest_for(person) -> list[Notification]:
    return list(Notification.objects.filter(recipient=person)[:LIST_LENGTH])


def unread_count(person) -> int:
    return Notification.objects.filter(recipient=person, read_at__isnull=True).count()


def preferences_of(person) -> dict[str, str]:
    return dict(person.notification_preferences.values_list("kind", "frequency"))
