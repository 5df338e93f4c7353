"""Reads for partnership pages, each fetching what its page shows in a fixed number of queries."""

from auditlog.models import LogEntry
from django.db.models import Count, Prefetch, Q

from actlocally.authorization import roles_of, visible_partnership_filter
from actlocally.journey.models import Step
from actlocally.journey.selectors import done_counts, journey_for

from .models import FocusIssue, LocalAuthority, Membership, Partnership, TimelineEvent

ACTIVE_FOCUS = Prefetch(
    "focus_issues",
    queryset=FocusIssue.objects.filter(status=FocusIssue.Status.ACTIVE).prefetch_related(
        "outcomes"
    ),
    to_attr="active_focus",
)


def _with_focus(partnership) -> object:
    partnership.focus = partnership.active_focus[0] if partnership.active_focus else None
    return partnership


def public_areas() -> list[Partnership]:
    rows = (
        Partnership.objects.public()
        .select_related("local_authority")
        .prefetch_related(ACTIVE_FOCUS)
        .order_by("local_authority__name", "area_name")
    )
    return [_with_focus(p) for p in rows]


def public_area(slug: str) -> Partnership | None:
    partnership = (
        Partnership.objects.public()
        .select_related("local_authority", "backbone", "research_partner")
        .prefetch_related(
            ACTIVE_FOCUS,
            Prefetch(
                "timeline",
                queryset=TimelineEvent.objects.filter(is_public=True),
                to_attr="public_timeline",
            ),
            "early_impact",
            "partner_organisations",
        )
        .annotate(
            earlier_focus_count=Count(
                "focus_issues", filter=Q(focus_issues__status=FocusIssue.Status.PAST)
            )
        )
        .filter(slug=slug)
        .first()
    )
    if partnership is None:
        return None
    _with_focus(partnership)
    # The partnership's summary was written for the focus issue it started with; once it has
    # moved on, the page leads with what the current focus issue says instead.
    summary = partnership.focus.summary if partnership.focus else ""
    paragraphs = [p.strip() for p in summary.splitlines() if p.strip()]
    if partnership.earlier_focus_count and paragraphs:
        partnership.lead, partnership.focus_paragraphs = paragraphs[0], paragraphs[1:]
    else:
        partnership.lead, partnership.focus_paragraphs = partnership.summary, paragraphs
    return partnership


def dashboard_for(user) -> dict:
    partnerships = [
        _with_focus(p)
        for p in Partnership.objects.filter(visible_partnership_filter(user))
        .select_related("local_authority")
        .prefetch_related(ACTIVE_FOCUS)
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("local_authority__name", "name")
    ]
    roles = roles_of(user)
    done = done_counts(p.pk for p in partnerships)
    total_steps = Step.objects.count()
    for p in partnerships:
        p.my_role = (
            Membership.Role(roles.partnerships[p.pk]).label if p.pk in roles.partnerships else None
        )
        p.steps_done = done.get(p.pk, 0)
        p.steps_total = total_steps
        p.percent_done = round(100 * p.steps_done / total_steps) if total_steps else 0
    board_authorities = LocalAuthority.objects.filter(pk__in=list(roles.boards)).order_by("name")
    return {"partnerships": partnerships, "board_authorities": board_authorities}


def partnership_home(partnership: Partnership) -> dict:
    focus = (
        partnership.focus_issues.filter(status=FocusIssue.Status.ACTIVE)
        .prefetch_related("outcomes")
        .first()
    )
    role_counts = dict(
        partnership.memberships.values_list("role").annotate(n=Count("pk")).values_list("role", "n")
    )
    coordinators = list(
        partnership.memberships.filter(role=Membership.Role.COORDINATOR).select_related(
            "person", "organisation"
        )
    )
    recent_events = list(partnership.timeline.order_by("-starts_on", "-pk")[:4])
    return {
        "focus": focus,
        "journey": journey_for(partnership),
        "member_count": sum(role_counts.values()),
        "role_counts": [(Membership.Role(r).label, n) for r, n in sorted(role_counts.items())],
        "coordinators": coordinators,
        "recent_events": recent_events,
    }


def members_of(partnership: Partnership):
    return partnership.memberships.select_related("person", "organisation").order_by(
        "role", "person__full_name"
    )


def pending_invitations(partnership: Partnership):
    from django.utils import timezone

    return partnership.invitations.filter(
        accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).select_related("organisation", "invited_by")


def focus_history(partnership: Partnership) -> list[FocusIssue]:
    return list(partnership.focus_issues.prefetch_related("outcomes").order_by("-started_on"))


def local_authority_overview(local_authority: LocalAuthority, user) -> dict:
    board = getattr(local_authority, "board", None)
    members = (
        board.memberships.select_related("person", "organisation").order_by(
            "role", "person__full_name"
        )
        if board
        else []
    )
    partnerships = [
        _with_focus(p)
        for p in local_authority.partnerships.filter(visible_partnership_filter(user))
        .prefetch_related(ACTIVE_FOCUS)
        .annotate(member_count=Count("memberships", distinct=True))
    ]
    done = done_counts(p.pk for p in partnerships)
    for p in partnerships:
        p.steps_done = done.get(p.pk, 0)
    return {
        "board": board,
        "board_members": members,
        "partnerships": partnerships,
        "steps_total": Step.objects.count(),
    }


def history_of(partnership: Partnership, limit: int = 200):
    """Audit entries for the partnership and everything that belongs to it, newest first."""
    return (
        LogEntry.objects.filter(Q(additional_data__partnership_id=partnership.pk))
        .select_related("actor", "content_type")
        .order_by("-timestamp")[:limit]
    )
