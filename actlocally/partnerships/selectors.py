"""Reads for partnership pages, each fetching what its page shows in a fixed number of queries."""

from auditlog.models import LogEntry
from django.db.models import Count, Prefetch, Q
from django.utils import timezone

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


def public_area_extras(partnership: Partnership) -> dict:
    """The top of a public page, what a parent or resident looks for first: what has changed, who
    to contact, how to take part, and where the area is. Only what is public already: the early
    impact and public timeline the page shows, the partnership's public contact, an open
    symposium's title, date and venue, and the area's wards. Three queries after public_area."""
    from actlocally.places.selectors import public_area_map
    from actlocally.symposia.models import Symposium

    today = timezone.localdate()
    impact = list(partnership.early_impact.all())
    latest = [i for i in impact if i.period == impact[0].period] if impact else []
    timeline = partnership.public_timeline
    upcoming = [e for e in timeline if (e.ends_on or e.starts_on) >= today]
    done = [e for e in timeline if e.starts_on < today]
    symposium = (
        Symposium.objects.filter(
            partnership=partnership,
            stage__in=[Symposium.Stage.COLLECTING, Symposium.Stage.RANKING],
        )
        .order_by("starts_at")
        .first()
    )
    return {
        "changed": latest[:3],
        "changed_period": latest[0].period if latest else "",
        "milestones": done[-3:][::-1],
        "next_event": upcoming[0] if upcoming else None,
        "open_symposium": symposium,
        "place": public_area_map(partnership),
    }


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


def history_of(partnership: Partnership):
    """Audit entries for the partnership and everything that belongs to it, newest first (a
    queryset: the page shows it a page at a time)."""
    return (
        LogEntry.objects.filter(Q(additional_data__partnership_id=partnership.pk))
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


# Search (actlocally/search/registry.py) -----------------------------------------------------


def search_members(partnership: Partnership, words: list[str], limit: int) -> list:
    """Members by name or organisation; never by email address, which members do not see."""
    from django.urls import reverse

    from actlocally.search.registry import Result, matching

    members_url = reverse("members", kwargs={"slug": partnership.slug})
    found = (
        Membership.objects.filter(partnership=partnership)
        .filter(matching(words, "person__full_name", "organisation__name"))
        .select_related("person", "organisation")
        .order_by("person__full_name", "pk")[:limit]
    )
    return [
        Result(
            title=m.person.full_name,
            url=members_url,
            detail=", ".join(str(x) for x in (m.get_role_display(), m.organisation) if x),
        )
        for m in found
    ]


def search_organisations(partnership: Partnership, words: list[str], limit: int) -> list:
    from actlocally.search.registry import Result, matching

    found = partnership.partner_organisations.filter(matching(words, "name")).order_by(
        "name", "pk"
    )[:limit]
    return [
        Result(title=o.name, url=o.get_absolute_url(), detail=o.get_sector_display()) for o in found
    ]


def search_focus_issues(partnership: Partnership, words: list[str], limit: int) -> list:
    from django.urls import reverse

    from actlocally.search.registry import Result, matching

    url = reverse("focus_issue", kwargs={"slug": partnership.slug})
    found = partnership.focus_issues.filter(matching(words, "title", "summary")).order_by(
        "-started_on", "pk"
    )[:limit]
    return [Result(title=f.title, url=url, detail=f.get_status_display()) for f in found]
