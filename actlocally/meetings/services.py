"""Every write to meetings: keyword arguments, the acting person, one transaction, audited."""

import datetime
import secrets
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from actlocally.actions import services as action_services
from actlocally.actions.models import Action
from actlocally.actions.selectors import open_actions_for_agenda
from actlocally.core import audit
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.notifications.models import Kind
from actlocally.notifications.services import notify
from actlocally.partnerships.models import FocusIssue, Membership, Partnership

from .models import AgendaItem, Attendance, CalendarFeed, Decision, Meeting

# Marked for translation here, translated when an agenda is made (in the co-ordinator's language).
OPENING_ITEM = gettext_noop("Welcome, introductions and apologies")
CLOSING_ITEM = gettext_noop("Any other business and date of the next meeting")
MEETING_FIELDS = {"kind", "title", "focus", "starts_at", "ends_at", "location", "online_link"}


def _tick_meeting_dates(partnership: Partnership, meeting: Meeting, by) -> None:
    """Meeting dates are set on the day a meeting is scheduled, or by the day it was held when
    the meeting is recorded afterwards (a partnership adding its history)."""
    upcoming = (
        partnership.meetings.filter(status=Meeting.Status.SCHEDULED, starts_at__gt=timezone.now())
        .order_by("starts_at")
        .first()
    )
    label = (
        _("Meetings scheduled; the next on %(date)s")
        % {"date": formats.date_format(timezone.localtime(upcoming.starts_at), "j F Y")}
        if upcoming
        else _("Partnership meetings")
    )
    record_evidence(
        partnership=partnership,
        step_key=StepKey.SET_MEETING_DATES,
        evidence_label=label,
        evidence_url=reverse("meetings", kwargs={"slug": partnership.slug}),
        on=min(timezone.localdate(meeting.starts_at), timezone.localdate()),
        by=by,
    )


def schedule_meeting(
    *,
    partnership: Partnership,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    title: str = "",
    kind: str = Meeting.Kind.PARTNERSHIP,
    focus: str = "",
    location: str = "",
    online_link: str = "",
    by,
) -> Meeting:
    with transaction.atomic(), acting_as(by):
        meeting = Meeting(
            partnership=partnership,
            kind=kind,
            title=title or Meeting.Kind(kind).label,
            focus=focus,
            starts_at=starts_at,
            ends_at=ends_at,
            location=location,
            online_link=online_link,
        )
        _validate(meeting)
        meeting.save()
        _tick_meeting_dates(partnership, meeting, by)
    return meeting


def _validate(meeting: Meeting) -> None:
    if meeting.ends_at <= meeting.starts_at:
        raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
    meeting.full_clean()


def schedule_termly_meetings(
    *,
    partnership: Partnership,
    dates: Iterable[datetime.date],
    start: datetime.time,
    end: datetime.time,
    location: str = "",
    online_link: str = "",
    by,
) -> list[Meeting]:
    """The co-ordinator confirms the termly dates offered: one meeting per date, all or none."""
    with transaction.atomic():
        return [
            schedule_meeting(
                partnership=partnership,
                starts_at=at(day, start),
                ends_at=at(day, end),
                location=location,
                online_link=online_link,
                by=by,
            )
            for day in sorted(set(dates))
        ]


def at(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a wall-clock time in the site's time zone (Europe/London), made aware."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


def update_meeting(*, meeting: Meeting, by, **fields) -> Meeting:
    unknown = set(fields) - MEETING_FIELDS
    if unknown:
        raise TypeError(f"update_meeting cannot change {sorted(unknown)}")
    with transaction.atomic(), acting_as(by):
        for name, value in fields.items():
            setattr(meeting, name, value)
        meeting.sequence += 1  # calendar programs replace the event they have
        _validate(meeting)
        meeting.save()
        _tick_meeting_dates(meeting.partnership, meeting, by)
    return meeting


def cancel_meeting(*, meeting: Meeting, by) -> Meeting:
    if meeting.status == Meeting.Status.HELD:
        raise ValidationError(_("This meeting has been held: it cannot be cancelled."))
    with transaction.atomic(), acting_as(by):
        meeting.status = Meeting.Status.CANCELLED
        meeting.sequence += 1
        meeting.save(update_fields=["status", "sequence", "updated_at"])
    return meeting


def record_attendance(*, meeting: Meeting, statuses: Mapping[int, str], by) -> None:
    """person id -> attended / apologies / absent, or "" to forget what was recorded.
    Only members of the partnership can be recorded."""
    members = set(
        Membership.objects.filter(partnership_id=meeting.partnership_id).values_list(
            "person_id", flat=True
        )
    )
    strangers = set(statuses) - members
    if strangers:
        raise ValidationError(_("Only members of the partnership can be recorded at its meetings."))
    with transaction.atomic(), acting_as(by):
        for person_id, status in statuses.items():
            if status:
                if status not in Attendance.Status.values:
                    raise ValidationError(_("Choose attended, apologies or absent."))
                Attendance.objects.update_or_create(
                    meeting=meeting, person_id=person_id, defaults={"status": status}
                )
            else:
                Attendance.objects.filter(meeting=meeting, person_id=person_id).delete()


# The agenda -------------------------------------------------------------------------------------


def _check_agenda_open(meeting: Meeting) -> None:
    if not meeting.agenda_is_open:
        raise ValidationError(
            _("The agenda cannot change now: the meeting has been held or cancelled.")
        )


def _items(meeting: Meeting) -> list[AgendaItem]:
    # Read from the database, never `meeting.agenda.all()`: the page's meeting comes with its
    # agenda prefetched, and renumbering that stale copy put new items after any other business.
    return list(AgendaItem.objects.filter(meeting=meeting).order_by("order", "pk"))


def _next_order(meeting: Meeting) -> int:
    return (AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("order"))["m"] or 0) + 1


def _current_focus_actions(meeting: Meeting, today: datetime.date | None) -> list[Action]:
    """Open actions of the partnership's current focus issue: a past focus issue's actions are
    not this meeting's business."""
    focus = FocusIssue.objects.filter(
        partnership=meeting.partnership, status=FocusIssue.Status.ACTIVE
    ).first()
    focus_id = focus.pk if focus else None
    return [
        a
        for a in open_actions_for_agenda(meeting.partnership, today)
        if a.focus_issue_id == focus_id
    ]


def generate_agenda(*, meeting: Meeting, today: datetime.date | None = None, by) -> int:
    """Put on the agenda every open action of the current focus issue not on it already, those that
    need attention first (overdue, at risk, then the rest), between an opening item and any
    other business. Running it again adds only what is new. Returns how many items it added."""
    _check_agenda_open(meeting)
    with transaction.atomic(), acting_as(by):
        items = _items(meeting)
        on_agenda = {i.action_id for i in items if i.action_id}
        added = 0
        if not items:
            AgendaItem.objects.create(meeting=meeting, order=1, title=_(OPENING_ITEM))
            added += 1
        closing = next((i for i in items if i.title == _(CLOSING_ITEM) and not i.action_id), None)
        order = _next_order(meeting)
        for action in _current_focus_actions(meeting, today):
            if action.pk in on_agenda:
                continue
            AgendaItem.objects.create(
                meeting=meeting, order=order, title=action.title, action=action
            )
            order += 1
            added += 1
        if closing is None:
            AgendaItem.objects.create(meeting=meeting, order=order, title=_(CLOSING_ITEM))
            added += 1
        else:
            closing.order = order
            closing.save(update_fields=["order"])
        _renumber(meeting)
    return added


def add_agenda_item(
    *, meeting: Meeting, title: str, action: Action | None = None, by
) -> AgendaItem:
    _check_agenda_open(meeting)
    title = title.strip()
    if not title:
        raise ValidationError({"title": _("Enter the agenda item.")})
    with transaction.atomic(), acting_as(by):
        item = AgendaItem.objects.create(
            meeting=meeting, order=_next_order(meeting), title=title, action=action
        )
        closing = (
            AgendaItem.objects.filter(meeting=meeting, title=_(CLOSING_ITEM), action__isnull=True)
            .order_by("order", "pk")
            .first()
        )
        if closing is not None:
            # New items go before any other business.
            closing.order, item.order = item.order, closing.order
            audit.bulk_update(AgendaItem, [closing, item], ["order"])
        _renumber(meeting)
    return item


def move_agenda_item(*, item: AgendaItem, up: bool, by) -> None:
    _check_agenda_open(item.meeting)
    with transaction.atomic(), acting_as(by):
        items = _items(item.meeting)
        i = next(n for n, x in enumerate(items) if x.pk == item.pk)
        j = i - 1 if up else i + 1
        if 0 <= j < len(items):
            items[i], items[j] = items[j], items[i]
            for n, x in enumerate(items, start=1):
                x.order = n
            audit.bulk_update(AgendaItem, items, ["order"])


def remove_agenda_item(*, item: AgendaItem, by) -> None:
    _check_agenda_open(item.meeting)
    with transaction.atomic(), acting_as(by):
        meeting = item.meeting
        item.delete()
        _renumber(meeting)


def _renumber(meeting: Meeting) -> None:
    items = _items(meeting)
    for n, x in enumerate(items, start=1):
        x.order = n
    audit.bulk_update(AgendaItem, items, ["order"])


# Minutes, decisions and actions -----------------------------------------------------------------


def save_minutes(*, meeting: Meeting, minutes: Mapping[int, tuple[str, list[str]]], by) -> Meeting:
    """agenda item id -> (minutes, decisions). Saving the minutes marks the meeting held; the
    decisions of each item are replaced by those given."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting was cancelled: it has no minutes."))
    if not meeting.has_started:
        raise ValidationError(_("Minutes can be written once the meeting has started."))
    items = {i.pk: i for i in meeting.agenda.all()}
    if set(minutes) - set(items):
        raise ValidationError(_("Those agenda items are not on this meeting's agenda."))
    with transaction.atomic(), acting_as(by):
        for item_id, (text, decisions) in minutes.items():
            item = items[item_id]
            item.minutes = text.strip()
            item.save(update_fields=["minutes"])
            item.decisions.all().delete()
            audit.bulk_create(
                Decision,
                [
                    Decision(meeting=meeting, agenda_item=item, order=n, text=d.strip())
                    for n, d in enumerate(decisions, start=1)
                    if d.strip()
                ],
            )
        if meeting.status != Meeting.Status.HELD:
            meeting.status = Meeting.Status.HELD
            meeting.sequence += 1
            meeting.save(update_fields=["status", "sequence", "updated_at"])
    return meeting


def create_action_from_minutes(*, meeting: Meeting, by, **fields) -> Action:
    """An action agreed in the meeting goes into the action plan, linked back to the meeting."""
    if meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("This meeting was cancelled: no actions can come from it."))
    return action_services.create_action(
        partnership=meeting.partnership, meeting=meeting, **fields, by=by
    )


# Sending the agenda and the minutes to members -------------------------------------------------


def _members_of(meeting: Meeting) -> list:
    return [
        m.person
        for m in meeting.partnership.memberships.select_related("person").filter(
            person__is_active=True
        )
    ]


def publish_agenda(*, meeting: Meeting, by) -> Meeting:
    """Tell every member the agenda is ready (again, if it changed since it was sent)."""
    if meeting.status != Meeting.Status.SCHEDULED:
        raise ValidationError(_("The agenda can be sent only before the meeting is held."))
    if not meeting.agenda.exists():
        raise ValidationError(_("Add items to the agenda before sending it."))
    with transaction.atomic(), acting_as(by):
        meeting.agenda_published_at = timezone.now()
        meeting.save(update_fields=["agenda_published_at", "updated_at"])
        notify(
            kind=Kind.AGENDA_PUBLISHED,
            recipients=_members_of(meeting),
            subject=_("Agenda: %(meeting)s") % {"meeting": meeting},
            context={"meeting": meeting},
            url=meeting.get_absolute_url(),
            by=by,
        )
    return meeting


def publish_minutes(*, meeting: Meeting, by) -> Meeting:
    """Tell every member the minutes are ready to read."""
    if meeting.status != Meeting.Status.HELD:
        raise ValidationError(_("Write the minutes before sending them."))
    with transaction.atomic(), acting_as(by):
        meeting.minutes_published_at = timezone.now()
        meeting.save(update_fields=["minutes_published_at", "updated_at"])
        notify(
            kind=Kind.MINUTES_PUBLISHED,
            recipients=_members_of(meeting),
            subject=_("Minutes: %(meeting)s") % {"meeting": meeting},
            context={"meeting": meeting},
            url=meeting.get_absolute_url(),
            by=by,
        )
    return meeting


# Calendar feeds ---------------------------------------------------------------------------------


def _new_token() -> str:
    return secrets.token_urlsafe(24)


def partnership_feed(*, partnership: Partnership) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(partnership=partnership).first()
    if feed is None:
        feed, _created = CalendarFeed.objects.get_or_create(
            partnership=partnership, defaults={"token": _new_token()}
        )
    return feed


def person_feed(*, person) -> CalendarFeed:
    feed = CalendarFeed.objects.filter(person=person).first()
    if feed is None:
        feed, _created = CalendarFeed.objects.get_or_create(
            person=person, defaults={"token": _new_token()}
        )
    return feed


def regenerate_feed(*, feed: CalendarFeed, by) -> CalendarFeed:
    """A new secret link; the old one stops working at once."""
    with transaction.atomic(), acting_as(by):
        feed.token = _new_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
    return feed
