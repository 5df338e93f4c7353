"""What members hear about their Statement of Intent: circulated for comment, and agreed. Sent
through the one notifications module, so each person's choice per kind (at once, weekly, off)
holds and the news is in their notifications list too."""

from django.utils.translation import gettext as _

from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify
from actlocally.partnerships.models import Membership

from .models import StatementVersion


def tell_members(*, version: StatementVersion, by, base_url: str = "") -> int:
    """Tell every active member of the partnership that `version` was circulated or agreed.
    notify() is called inside the caller's transaction and emails from a task once it commits,
    so nobody hears of a change that was rolled back. Each version and step is told once.
    Returns how many people were told."""
    partnership = version.statement.partnership
    circulated = version.status == StatementVersion.Status.CIRCULATED
    kind = Kind.STATEMENT_CIRCULATED if circulated else Kind.STATEMENT_AGREED
    values = {"partnership": partnership.name, "n": version.number}
    subject = (
        _("%(partnership)s: Statement of Intent version %(n)s is ready for comment")
        if circulated
        else _("%(partnership)s: Statement of Intent version %(n)s has been agreed")
    ) % values
    members = [
        m.person
        for m in Membership.objects.filter(partnership=partnership, person__is_active=True)
        .exclude(person__email="")
        .select_related("person")
        .order_by("person_id")
    ]
    # The request's own address when there is one (what the person just used), else SITE_URL.
    path = version.get_absolute_url()
    made = notify(
        kind=kind,
        recipients=members,
        subject=subject,
        context={
            "version": version,
            "who": getattr(by, "display_name", "") or _("The co-ordinator"),
        },
        url=base_url.rstrip("/") + path if base_url else path,
        once_key=f"statement-version:{version.pk}:{kind.value}",
        by=by,
    )
    return len(made)
