"""Writes for a person's rights: starting a subject access export, and erasing a person."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.jobs.models import Job
from actlocally.jobs.services import start_job

from . import subjects
from .hooks import erasure_hooks
from .models import ErasureRecord
from .pseudonyms import pseudonym_of, reference_of
from .scrub import scrub

EXPORT_KIND = "privacy.subject_access"
# What a person's name becomes wherever a partnership's record mentions them.
FORMER_MEMBER = "a former member"


def export_title(person, by=None) -> str:
    if by is not None and by.pk == person.pk:
        return _("A copy of your data")
    # Job titles are read by site staff: a reference, not the person's name.
    return _("Subject access export (reference %(ref)s)") % {"ref": reference_of(person.pk)}


def start_export(*, person, by) -> Job:
    """A background job that makes the ZIP of everything held about `person`; only `by` may
    download it (jobs.download_result)."""
    from .tasks import export_subject_data

    return start_job(
        kind=EXPORT_KIND,
        title=export_title(person, by),
        task=export_subject_data,
        kwargs={"person_id": person.pk},
        by=by,
    )


def _identifiers(person, emails: list[str]) -> list[str]:
    from actlocally.partnerships.models import Invitation

    names = {person.full_name, *emails}
    # What an inviter typed for them may differ from the name they later gave.
    names |= set(Invitation.objects.filter(email__in=emails).values_list("full_name", flat=True))
    return [n for n in names if n]


def _delete(queryset, summary: dict, key: str) -> None:
    deleted, _per_model = queryset.delete()
    if deleted:
        summary[key] = summary.get(key, 0) + deleted


def erase_person(*, person, by) -> ErasureRecord:
    """Erase `person` everywhere, in one transaction: their account, addresses, MFA, sessions,
    tokens, invitations, notifications and exports deleted; what they did in partnerships kept
    and attributed to "a former member"; their audit entries kept under a pseudonym."""
    from allauth.account.models import EmailAddress
    from auditlog.models import LogEntry

    from actlocally.notifications.models import Notification
    from actlocally.pages.models import Feedback
    from actlocally.partnerships.models import Invitation

    if by is not None and person.pk == by.pk:
        raise ValidationError(_("You cannot erase yourself. Ask another member of site staff."))
    pseudonym = pseudonym_of(person.pk)
    with transaction.atomic(), acting_as(by):
        emails = subjects.emails_of(person)
        identifiers = _identifiers(person, emails)
        summary: dict[str, int] = {}
        summary["audit entries pseudonymised"] = LogEntry.objects.filter(actor=person).update(
            actor=None, actor_email=pseudonym
        )
        for name, hook in erasure_hooks().items():
            summary[name] = hook(person=person, pseudonym=pseudonym, by=by)
        _delete(subjects.rows_of(_session_model(), person, emails), summary, "sessions")
        _delete(Invitation.objects.filter(email__in=emails), summary, "invitations")
        _delete(Notification.objects.filter(email__in=emails), summary, "notifications")
        _delete(Feedback.objects.filter(email__in=emails), summary, "feedback")
        # Exports they started, or that were made about them, hold what they could see.
        jobs = Job.objects.filter(started_by=person) | Job.objects.filter(
            kind=EXPORT_KIND, title__contains=reference_of(person.pk)
        )
        for job in jobs:
            job.delete_result_file()
        _delete(jobs, summary, "jobs")
        _delete(EmailAddress.objects.filter(user=person), summary, "email addresses")
        # The account: what hangs on it (memberships, MFA, tokens, preferences, notifications)
        # goes with it; what they wrote keeps its row with the link emptied (SET_NULL).
        _delete(get_user_model().objects.filter(pk=person.pk), summary, "account and its rows")
        summary |= {
            f"scrubbed {table}": n
            for table, n in scrub(
                identifiers=identifiers,
                replacement=FORMER_MEMBER,
                replacements={LogEntry._meta.db_table: pseudonym},
            ).items()
        }
        return ErasureRecord.objects.create(pseudonym=pseudonym, erased_by=by, summary=summary)


def _session_model():
    from django.contrib.sessions.models import Session

    return Session
