"""The emails members get about their Statement of Intent: one function, so a notifications app
can take the sending over later without touching the workflow."""

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.partnerships.models import Membership

from .models import StatementVersion


def _message(version: StatementVersion, *, by, link: str) -> tuple[str, str]:
    partnership = version.statement.partnership
    who = getattr(by, "display_name", "") or _("The co-ordinator")
    values = {
        "partnership": partnership.name,
        "issue": version.statement.focus_issue.title,
        "n": version.number,
        "who": who,
        "link": link,
    }
    if version.status == StatementVersion.Status.CIRCULATED:
        subject = _("%(partnership)s: Statement of Intent version %(n)s is ready for comment")
        body = _(
            "Hello,\n\n"
            "%(who)s has circulated version %(n)s of the Statement of Intent for "
            "%(issue)s.\n\n"
            "Read it and comment on any section here:\n%(link)s\n\n"
            "Comments help the partnership agree it. You need to sign in to comment.\n\n"
            "%(partnership)s"
        )
    else:
        subject = _("%(partnership)s: Statement of Intent version %(n)s has been agreed")
        body = _(
            "Hello,\n\n"
            "Version %(n)s of the Statement of Intent for %(issue)s has been agreed.\n\n"
            "Read the agreed version here:\n%(link)s\n\n"
            "%(partnership)s"
        )
    return subject % values, body % values


def tell_members(*, version: StatementVersion, by, base_url: str = "") -> int:
    """Email every member of the partnership that `version` was circulated or agreed, once the
    transaction that did it has committed (nobody hears of a change that was rolled back).
    Each person gets their own email. Returns how many will be sent."""
    partnership = version.statement.partnership
    emails = sorted(
        set(
            Membership.objects.filter(partnership=partnership, person__is_active=True)
            .exclude(person__email="")
            .values_list("person__email", flat=True)
        )
    )
    if not emails:
        return 0
    subject, body = _message(version, by=by, link=base_url.rstrip("/") + version.get_absolute_url())
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [email]) for email in emails]
    transaction.on_commit(lambda: send_mass_mail(messages, fail_silently=False))
    return len(emails)
