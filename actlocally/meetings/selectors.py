"""Reads for meeting pages and calendar feeds, each in a fixed number of queries."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from actlocally.actions.models import Action
from actlocally.authorization import visible_partnership_filter
from actlocally.partnerships.models import Membership, Partnership

from .models import AgendaItem, Attendance, CalendarFeed, Decision, Meeting


def meetings_page(partnership: Partnership) -> dict:
    """Meetings coming up (a handful, in date order) and earlier ones, newest first, as a
    queryset so that the page shows only a page of them."""
    meetings = partnership.meetings.select_related("partnership").annotate(
        attended=Count("attendance", filter=Q(attendance__status="attended"), distinct=True),
        apologies=Count("attendance", filter=Q(attendance__status="apologies"), distinct=True),
        items=Count("agenda", distinct=True),
    )
    coming = Q(status=Meeting.Status.SCHEDULED, ends_at__gt=timezone.now())
    return {
        "upcoming": list(meetings.filter(coming).order_by("starts_at", "pk")),
        "past": meetings.exclude(coming).order_by("-starts_at", "-pk"),
    }


def meeting_detail(partnership: Partnership, pk: int) -> Meeting | None:
    return (
        Meeting.objects.filter(partnership=partnership, pk=pk)
        .select_related("partnership")
        .prefetch_related(
            Prefetch(
                "agenda",
                queryset=AgendaItem.objects.select_related(
                    "action__owner", "action__owner_organisation", "action__partnership"
                ).prefetch_related(Prefetch("decisions", queryset=Decision.objects.all())),
            ),
            Prefetch("attendance", queryset=Attendance.objects.select_related("person")),
            Prefetch(
                "new_actions",
                queryset=Action.objects.select_related("owner", "partnership", "outcome"),
            ),
        )
        .first()
    )


def members_with_attendance(meeting: Meeting) -> list[dict]:
    recorded = {a.person_id: a.status for a in meeting.attendance.all()}
    return [
        {"membership": m, "status": recorded.get(m.person_id, "")}
        for m in Membership.objects.filter(partnership_id=meeting.partnership_id)
        .select_related("person", "organisation")
        .order_by("person__full_name")
    ]


def feed_by_token(token: str, *, kind: str) -> CalendarFeed | None:
    if not token:
        return None
    qs = CalendarFeed.objects.select_related("partnership", "person").filter(token=token)
    if kind == "partnership":
        return qs.filter(partnership__isnull=False).first()
    return qs.filter(person__isnull=False, person__is_active=True).first()


def _for_calendar(qs):
    return qs.select_related("partnership").prefetch_related(
        Prefetch("agenda", queryset=AgendaItem.objects.only("meeting_id", "order", "title"))
    )


def calendar_meetings_for_partnership(partnership: Partnership):
    return _for_calendar(partnership.meetings.order_by("starts_at"))


def calendar_meetings_for_person(person):
    """Every meeting of every partnership the person may see, now (not when they subscribed)."""
    visible = Partnership.objects.filter(visible_partnership_filter(person))
    return _for_calendar(Meeting.objects.filter(partnership__in=visible).order_by("starts_at"))


def search_meetings(partnership: Partnership, words: list[str], limit: int) -> list:
    """Meetings by title, focus or place, or by a word of an agenda item or its minutes."""
    from django.utils.formats import date_format

    from actlocally.search.registry import Result, matching

    ids = (
        Meeting.objects.filter(partnership=partnership)
        .filter(matching(words, "title", "focus", "location", "agenda__title", "agenda__minutes"))
        .values("pk")
    )
    found = (
        Meeting.objects.filter(pk__in=ids)
        .select_related("partnership")
        .order_by("-starts_at", "-pk")[:limit]
    )
    return [
        Result(
            title=m.title,
            url=m.get_absolute_url(),
            detail=date_format(timezone.localtime(m.starts_at), "j F Y"),
        )
        for m in found
    ]
