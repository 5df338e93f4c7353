"""The nightly purge removes what the retention schedule says has expired, and nothing else."""

import datetime

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone

from actlocally.notifications.models import Notification
from actlocally.partnerships.models import Invitation
from actlocally.privacy.tasks import purge_expired_personal_data
from tests import factories


def _days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


@pytest.mark.django_db
def test_an_invitation_ended_over_90_days_ago_is_deleted():
    old = factories.InvitationFactory(expires_at=_days_ago(91))
    purge_expired_personal_data.call()
    assert not Invitation.objects.filter(pk=old.pk).exists()


@pytest.mark.django_db
def test_a_recently_expired_invitation_is_kept():
    recent = factories.InvitationFactory(expires_at=_days_ago(10))
    purge_expired_personal_data.call()
    assert Invitation.objects.filter(pk=recent.pk).exists()


@pytest.mark.django_db
def test_expired_sessions_are_cleared():
    Session.objects.create(session_key="old", session_data="x", expire_date=_days_ago(1))
    Session.objects.create(
        session_key="live", session_data="x", expire_date=timezone.now() + datetime.timedelta(1)
    )
    purge_expired_personal_data.call()
    assert list(Session.objects.values_list("session_key", flat=True)) == ["live"]


@pytest.mark.django_db
def test_unread_notifications_older_than_a_year_are_deleted():
    person = factories.UserFactory()
    note = Notification.objects.create(recipient=person, subject="Old", body="")
    Notification.objects.filter(pk=note.pk).update(created_at=_days_ago(366))
    purge_expired_personal_data.call()
    assert not Notification.objects.filter(pk=note.pk).exists()


@pytest.mark.django_db
def test_audit_entries_past_their_period_are_deleted(settings):
    from auditlog.models import LogEntry

    settings.AUDIT_LOG_RETENTION_DAYS = 30
    entry = LogEntry.objects.log_create(
        factories.OrganisationFactory(), action=LogEntry.Action.CREATE, changes={}, force_log=True
    )
    LogEntry.objects.filter(pk=entry.pk).update(timestamp=_days_ago(31))
    purge_expired_personal_data.call()
    assert not LogEntry.objects.filter(pk=entry.pk).exists()


@pytest.mark.django_db
def test_expired_email_confirmations_are_deleted():
    from allauth.account.models import EmailAddress, EmailConfirmation

    address, _ = EmailAddress.objects.get_or_create(
        user=factories.UserFactory(), email="confirm@example.org"
    )
    confirmation = EmailConfirmation.objects.create(email_address=address, key="k" * 20)
    EmailConfirmation.objects.filter(pk=confirmation.pk).update(
        created=_days_ago(30), sent=_days_ago(30)
    )
    purge_expired_personal_data.call()
    assert not EmailConfirmation.objects.filter(pk=confirmation.pk).exists()
