"""How long each kind of personal data is kept, and what happens at the end: one declaration per
model (RETENTION), the purges the nightly task runs, and the schedule docs/retention.md prints."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

DELETE = "delete"
ANONYMISE = "anonymise"
# Ends only when the person is erased (or leaves): nothing to purge on a timer.
WITH_ACCOUNT = "deleted when the person is erased"
WITH_RECORD = (
    "kept with the partnership's record; shown as 'a former member' once the person is erased"
)


def audit_log_days() -> int:
    return settings.AUDIT_LOG_RETENTION_DAYS


@dataclass(frozen=True)
class Retention:
    """`keep`: how long, in words; `end`: delete or anonymise; `purge(now)` (if any) removes what
    has expired and says how many rows; `by`: the scheduled job that does it."""

    keep: str
    end: str
    purge: Callable[[datetime.datetime], int] | None = None
    by: str = ""


def _ago(now, days: int) -> datetime.datetime:
    return now - datetime.timedelta(days=days)


def _purge_invitations(now) -> int:
    from actlocally.partnerships.models import Invitation

    before = _ago(now, 90)
    ended = Q(accepted_at__lt=before) | Q(accepted_at__isnull=True, expires_at__lt=before)
    return Invitation.objects.filter(ended).delete()[0]


def _purge_linkage(now) -> int:
    from actlocally.linkage.retention import purge_ended_projects

    return purge_ended_projects(now)


def _purge_feedback(now) -> int:
    from actlocally.pages.services import forget_old_feedback

    return forget_old_feedback(now=now)


def _purge_unread_notifications(now) -> int:
    from actlocally.notifications.models import Notification

    return Notification.objects.filter(
        read_at__isnull=True, created_at__lt=_ago(now, 365)
    ).delete()[0]


def _purge_sessions(now) -> int:
    from django.contrib.sessions.models import Session

    # What `manage.py clearsessions` does for the database backend, counted.
    return Session.objects.filter(expire_date__lt=now).delete()[0]


def _purge_email_confirmations(now) -> int:
    from allauth.account import app_settings
    from allauth.account.models import EmailConfirmation

    before = _ago(now, app_settings.EMAIL_CONFIRMATION_EXPIRE_DAYS)
    # One never sent has no link to expire: it goes once it is as old as a sent one would be.
    expired = Q(sent__lt=before) | Q(sent__isnull=True, created__lt=before)
    return EmailConfirmation.objects.filter(expired).delete()[0]


def _purge_audit_log(now) -> int:
    from auditlog.models import LogEntry

    return LogEntry.objects.filter(timestamp__lt=_ago(now, audit_log_days())).delete()[0]


def _purge_admin_log(now) -> int:
    from django.contrib.admin.models import LogEntry

    return LogEntry.objects.filter(action_time__lt=_ago(now, audit_log_days())).delete()[0]


def _purge_access_events(now) -> int:
    from actlocally.accessaudit.services import purge_expired

    return purge_expired(now=now)


def _purge_referrals(now) -> int:
    from actlocally.hubs.referrals import forget_closed

    return forget_closed(now=now)


def _purge_erasure_records(now) -> int:
    from .models import ErasureRecord

    return ErasureRecord.objects.filter(erased_at__lt=_ago(now, 6 * 365)).delete()[0]


NIGHTLY = "purge-expired-personal-data"
OLD_RECORDS = "purge-old-records"
GUEST_NAMES = "forget-guest-names"
RETENTION_DAYS = "RETENTION_DAYS (90) days"

RETENTION = {
    "accounts.User": Retention("while the account is in use", WITH_ACCOUNT),
    "account.EmailAddress": Retention("while the account is in use", WITH_ACCOUNT),
    "mfa.Authenticator": Retention("while the account is in use", WITH_ACCOUNT),
    "api.ApiToken": Retention("until the person revokes it", WITH_ACCOUNT),
    "meetings.CalendarFeed": Retention("until the person resets it", WITH_ACCOUNT),
    "notifications.Preference": Retention("while the account is in use", WITH_ACCOUNT),
    "organisations.Affiliation": Retention("while the person works there", WITH_ACCOUNT),
    "partnerships.Membership": Retention("while the person is a member", WITH_ACCOUNT),
    "partnerships.BoardMembership": Retention("while the person sits on the board", WITH_ACCOUNT),
    "meetings.Attendance": Retention("with the meeting", WITH_ACCOUNT),
    "sessions.Session": Retention("until the session expires", DELETE, _purge_sessions, NIGHTLY),
    "account.EmailConfirmation": Retention(
        "until the confirmation link expires", DELETE, _purge_email_confirmations, NIGHTLY
    ),
    "partnerships.Invitation": Retention(
        "90 days after the invitation is accepted or expires", DELETE, _purge_invitations, NIGHTLY
    ),
    "notifications.Notification": Retention(
        f"read: {RETENTION_DAYS} after reading (by {OLD_RECORDS}); unread: 365 days",
        DELETE,
        _purge_unread_notifications,
        NIGHTLY,
    ),
    "jobs.Job": Retention(
        f"{RETENTION_DAYS} after it finishes, with its file", DELETE, by=OLD_RECORDS
    ),
    "django_tasks_database.DBTaskResult": Retention(
        f"{RETENTION_DAYS} after it finishes", DELETE, by=OLD_RECORDS
    ),
    "pages.Feedback": Retention("12 months after it is sent", DELETE, _purge_feedback, NIGHTLY),
    "auditlog.LogEntry": Retention(
        "AUDIT_LOG_RETENTION_DAYS (6 years) after the change; the actor becomes a pseudonym "
        "when the person is erased",
        DELETE,
        _purge_audit_log,
        NIGHTLY,
    ),
    "admin.LogEntry": Retention(
        "AUDIT_LOG_RETENTION_DAYS (6 years) after the change", DELETE, _purge_admin_log, NIGHTLY
    ),
    "accessaudit.AccessEvent": Retention(
        "2 years after the access (the database refuses an earlier delete); the person becomes "
        "a pseudonym when they are erased",
        DELETE,
        _purge_access_events,
        NIGHTLY,
    ),
    "privacy.ErasureRecord": Retention(
        "6 years after the erasure", DELETE, _purge_erasure_records, NIGHTLY
    ),
    "hubs.Referral": Retention(
        "a year after the family is seen or the referral declined",
        DELETE,
        _purge_referrals,
        NIGHTLY,
    ),
    "hubs.TakeUp": Retention(
        "counts kept with the hub; who recorded them shown as 'a former member' once erased",
        WITH_RECORD,
    ),
    "hubs.ServiceReferralCount": Retention(
        "counts kept with the hub; who recorded them shown as 'a former member' once erased",
        WITH_RECORD,
    ),
    "hubs.Contact": Retention(
        "while the service is in the local offer; removed with it, or by its provider",
        WITH_RECORD,
    ),
    "partnerships.Partnership": Retention(
        "the public contact: while the partnership runs", WITH_RECORD
    ),
    # The extract's records are not in the database: names, dates of birth and postcodes sit in
    # the project's identifier store (a DuckDB file) until linkage, which deletes it; the
    # pseudonymised rows and the key are destroyed when the project ends (ADR 0025).
    "linkage.Extract": Retention(
        "who loaded it: with the project's record. The records: identifiers (the identifier "
        "store) until they are linked; pseudonymised rows and the project's key until the "
        "project's end date",
        DELETE,
        _purge_linkage,
        NIGHTLY,
    ),
}
# What people did in a partnership is its record: kept, and attributed to "a former member"
# once they are erased.
for _label in [
    "journey.StepProgress",
    "theory.TheoryOfChange",
    "actions.Action",
    "actions.ProgressNote",
    "statements.StatementVersion",
    "statements.Comment",
    "symposia.Symposium",
    "symposia.JoinCode",
    "symposia.Contribution",
    "symposia.Ballot",
    "places.Release",
    "places.FocusArea",
    "places.Asset",
    "measurement.Indicator",
    "measurement.PartnershipIndicator",
    "measurement.DataPoint",
    "grants.FundingRound",
    "grants.Application",
    "grants.Panellist",
    "grants.Declaration",
    "grants.ScoreSheet",
    "grants.Award",
    "grants.Attachment",
    "grants.Clarification",
    "grants.Agreement",
    "grants.Payment",
    "grants.GranteeReport",
    "review.CapabilityReview",
    "review.MemberRating",
    "review.CaseStudy",
    "review.FeedbackLink",
    "review.Lesson",
    "linkage.LinkageProject",
    "linkage.ProjectMember",
    "linkage.LinkageRun",
    "outputs.OutputRequest",
    "outputs.CheckerReview",
    "outputs.OutputComment",
]:
    RETENTION[_label] = Retention("with the partnership's record", ANONYMISE)


def personal_fields(model) -> list[str]:
    """The fields a model declares personal (ours), or hands a person (other packages')."""
    from . import subjects

    if subjects.is_ours(model):
        declared = getattr(model, "PERSONAL_DATA", {})
        return [name for name, text in declared.items() if subjects.is_personal(text)]
    return list(subjects.subject_of(model).fields or [])


def declarations() -> dict[str, Retention]:
    """RETENTION, with a line for every guest table registered with participation's erasure
    (participation.services.register_erasure): their names are erased by its daily job."""
    from actlocally.participation.services import registered_erasures

    guests = {
        e.model: Retention(
            f"the name a guest typed ({e.name_field}): {e.keep_days} days after "
            f"{e.event_field.replace('__', ' ')}",
            ANONYMISE,
            by=GUEST_NAMES,
        )
        for e in registered_erasures()
    }
    return RETENTION | guests


def retention_of(model) -> Retention | None:
    return declarations().get(model._meta.label)


def purge_expired(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """The nightly purge: every declaration with a purge of its own, run; rows removed per model."""
    now = now or timezone.now()
    return {label: r.purge(now) for label, r in declarations().items() if r.purge is not None}


def schedule_markdown() -> str:
    """docs/retention.md, from the declarations (a test checks the file matches)."""
    lines = [
        "# Retention schedule",
        "",
        "What Act Locally keeps about people, for how long, and what happens at the end. "
        "Generated from `actlocally/privacy/retention.py` by "
        "`python manage.py retention_schedule --write`; a test fails when this file and the "
        "declarations differ.",
        "",
        f"The nightly job `{NIGHTLY}` (02:30) runs every purge marked with it; "
        f"`{OLD_RECORDS}` (03:00) and `{GUEST_NAMES}` (02:00) run their own. Erasing a person "
        "(site staff, from the person's page) deletes everything marked "
        f'"{WITH_ACCOUNT}" at once and anonymises the rest.',
        "",
        "| Table | Personal fields | Kept | At the end | Done by |",
        "| --- | --- | --- | --- | --- |",
    ]
    schedule = declarations()
    for label in sorted(schedule):
        r = schedule[label]
        fields = ", ".join(personal_fields(apps.get_model(label))) or "—"
        end = {WITH_ACCOUNT: DELETE, WITH_RECORD: ANONYMISE}.get(r.end, r.end)
        by = f"`{r.by}`" if r.by else "erasure"
        lines.append(f"| `{label}` | {fields} | {r.keep} | {end} | {by} |")
    return "\n".join(lines) + "\n"
