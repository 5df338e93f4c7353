"""Reads for Statement of Intent pages, each in a fixed number of queries."""

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import FocusIssue, Partnership

from .models import Comment, Recommendation, Statement, StatementVersion


def active_focus(partnership: Partnership) -> FocusIssue | None:
    return partnership.focus_issues.filter(status=FocusIssue.Status.ACTIVE).first()


def _statements(partnership: Partnership):
    return (
        Statement.objects.filter(partnership=partnership)
        .select_related("focus_issue", "partnership__local_authority")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=StatementVersion.objects.select_related("created_by", "recorded_by"),
            )
        )
    )


def statement_of(partnership: Partnership, focus_issue_id: int | None = None) -> Statement | None:
    """The Statement of Intent of the current focus issue (None if it has none yet, even when an
    earlier focus issue has one), or of the given focus issue of this partnership."""
    if focus_issue_id is None:
        return _statements(partnership).filter(focus_issue__status=FocusIssue.Status.ACTIVE).first()
    return _statements(partnership).filter(focus_issue_id=focus_issue_id).first()


def earlier_statements(partnership: Partnership) -> list[Statement]:
    """Statements of Intent of the partnership's earlier focus issues, most recent first."""
    return list(
        Statement.objects.filter(
            partnership=partnership, focus_issue__status=FocusIssue.Status.PAST
        )
        .select_related("focus_issue", "partnership")
        .order_by("-focus_issue__started_on")
    )


def other_agreed_priorities(focus_issue: FocusIssue | None) -> dict | None:
    """The priorities agreed second and third at the symposium that made this the focus issue:
    {"symposium": …, "priorities": [...]}, or None if it did not come from a symposium."""
    from actlocally.symposia.models import AgreedPriority

    if focus_issue is None:
        return None
    first = (
        AgreedPriority.objects.filter(focus_issue=focus_issue, urgency=1)
        .select_related("symposium")
        .order_by("-symposium__agreed_at")
        .first()
    )
    if first is None:
        return None
    others = list(
        AgreedPriority.objects.filter(symposium=first.symposium, urgency__gt=1).order_by("urgency")
    )
    return {"symposium": first.symposium, "priorities": others} if others else None


def versions_of(statement: Statement) -> list[StatementVersion]:
    return sorted(statement.versions.all(), key=lambda v: -v.number)


def current_version(statement: Statement) -> StatementVersion | None:
    """What the document page shows first: the latest agreed version, else the open draft."""
    versions = versions_of(statement)
    agreed = [v for v in versions if v.is_agreed]
    return agreed[0] if agreed else (versions[0] if versions else None)


def open_version(statement: Statement) -> StatementVersion | None:
    return next((v for v in versions_of(statement) if not v.is_agreed), None)


def version_of(statement: Statement, number: int) -> StatementVersion | None:
    return next((v for v in statement.versions.all() if v.number == number), None)


def comments_on(*versions: StatementVersion) -> dict[str, list[Comment]]:
    """The comments on these versions, by section key, oldest first, in one query."""
    by_section: dict[str, list[Comment]] = {key: [] for key, _label in Comment.SECTIONS}
    for comment in Comment.objects.filter(version__in=versions).select_related(
        "author", "addressed_by", "version"
    ):
        by_section[comment.section].append(comment)
    return by_section


def recommendations_of(partnership: Partnership) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(partnership=partnership)
        .select_related("commissioner", "agreed_in", "statement__focus_issue")
        .order_by("-in_latest_agreed", "pk")
    )


def recommendation_counts(recommendations: list[Recommendation]) -> list[dict]:
    return [
        {
            "status": status,
            "label": label,
            "tag_class": Recommendation.TAG_CLASSES[status],
            "count": sum(1 for r in recommendations if r.status == status),
        }
        for status, label in Recommendation.Status.choices
    ]


HISTORY_FIELDS = ("text", "commissioner", "status", "sent_on", "response", "responded_on")


def recommendation_history(recommendation: Recommendation) -> list[dict]:
    """Its audit entries, newest first, in words: field labels, status names, organisation names."""
    entries = list(
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(Recommendation),
            object_pk=str(recommendation.pk),
        )
        .select_related("actor")
        .order_by("-timestamp")
    )
    org_ids = {
        int(e.changes_dict["commissioner"][1])
        for e in entries
        if str(e.changes_dict.get("commissioner", [None, ""])[1]).isdigit()
    }
    orgs = {o.pk: o.name for o in Organisation.objects.filter(pk__in=org_ids)}
    statuses = dict(Recommendation.Status.choices)
    rows = []
    for entry in entries:
        changes = []
        for name in HISTORY_FIELDS:
            if name not in entry.changes_dict:
                continue
            value = entry.changes_dict[name][1]
            if name == "status":
                value = statuses.get(value, value)
            elif name == "commissioner" and str(value).isdigit():
                value = orgs.get(int(value), value)
            if value in (None, "", "None"):
                continue
            changes.append((Recommendation._meta.get_field(name).verbose_name, value))
        rows.append(
            {
                "timestamp": entry.timestamp,
                "actor": entry.actor,
                "created": entry.action == LogEntry.Action.CREATE,
                "changes": changes,
            }
        )
    return rows


def search_statements(partnership: Partnership, words: list[str], limit: int) -> list:
    """Versions of the partnership's Statements of Intent with every word in their text."""
    from django.db.models import TextField
    from django.db.models.functions import Cast
    from django.utils.translation import gettext as _

    from actlocally.search.registry import Result, matching

    found = (
        StatementVersion.objects.filter(statement__partnership=partnership)
        .alias(text=Cast("content", TextField()))
        .filter(matching(words, "text", "statement__focus_issue__title"))
        .select_related("statement__partnership", "statement__focus_issue")
        .order_by("-statement__created_at", "-number")[:limit]
    )
    return [
        Result(
            title=str(v.statement),
            url=v.get_absolute_url(),
            detail=_("Version %(n)s, %(status)s")
            % {"n": v.number, "status": v.get_status_display().lower()},
        )
        for v in found
    ]


def search_recommendations(partnership: Partnership, words: list[str], limit: int) -> list:
    from actlocally.search.registry import Result, matching

    found = (
        Recommendation.objects.filter(partnership=partnership)
        .filter(matching(words, "key", "text"))
        .select_related("partnership")
        .order_by("key", "pk")[:limit]
    )
    return [Result(title=f"{r.key}: {r.text}", url=r.get_absolute_url()) for r in found]
