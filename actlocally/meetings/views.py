"""Meeting pages: the list, scheduling, one meeting, attendance, agenda, minutes; calendar feeds."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from actlocally.actions.forms import action_form_for
from actlocally.authorization import get_partnership_or_404, has_permission
from actlocally.core.forms import add_errors
from actlocally.core.pagination import paginate

from . import ical, selectors, services
from .forms import AgendaItemForm, AttendanceForm, MeetingForm, MinutesForm, TermlyForm
from .models import AgendaItem, Meeting
from .terms import next_termly_dates

DEFAULT_START, DEFAULT_END = datetime.time(10, 0), datetime.time(12, 0)


def _get_meeting(p, pk) -> Meeting:
    meeting = selectors.meeting_detail(p, pk)
    if meeting is None:
        raise Http404
    return meeting


@login_required
def meetings(request, slug):
    p = get_partnership_or_404(request.user, slug, "meetings.view_meetings")
    feed = None
    if has_permission(request.user, "meetings.view_partnership_calendar", p):
        feed = services.partnership_feed(partnership=p)
    page = selectors.meetings_page(p)
    return render(
        request,
        "meetings/list.html",
        {
            "partnership": p,
            "can_manage": has_permission(request.user, "meetings.manage_meetings", p),
            "feed_url": request.build_absolute_uri(feed.get_absolute_url()) if feed else "",
            **page,
            "past": paginate(request, page["past"]),
        },
    )


@login_required
def meeting_new(request, slug):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    form = MeetingForm(request.POST or None, initial={"start": DEFAULT_START, "end": DEFAULT_END})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.schedule_meeting(
                partnership=p, **form.service_fields(), by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The meeting has been scheduled."))
            return redirect(meeting)
    return render(request, "meetings/form.html", {"form": form, "partnership": p, "meeting": None})


@login_required
def meeting_edit(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    start, end = timezone.localtime(meeting.starts_at), timezone.localtime(meeting.ends_at)
    form = MeetingForm(
        request.POST or None,
        initial={
            "kind": meeting.kind,
            "title": meeting.title,
            "focus": meeting.focus,
            "date": start.date(),
            "start": start.time(),
            "end": end.time(),
            "location": meeting.location,
            "online_link": meeting.online_link,
        },
    )
    if request.method == "POST":
        try:
            if "cancel" in request.POST:
                services.cancel_meeting(meeting=meeting, by=request.user)
                messages.success(request, _("The meeting has been cancelled."))
                return redirect(meeting)
            if form.is_valid():
                services.update_meeting(meeting=meeting, **form.service_fields(), by=request.user)
                messages.success(request, _("The meeting has been saved."))
                return redirect(meeting)
        except ValidationError as error:
            add_errors(form, error)
    return render(
        request, "meetings/form.html", {"form": form, "partnership": p, "meeting": meeting}
    )


@login_required
def meetings_schedule_termly(request, slug):
    """Offer the next three termly dates, on the weekday and at the time of the last meeting."""
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    last = p.meetings.exclude(status=Meeting.Status.CANCELLED).order_by("-starts_at").first()
    after = max(
        timezone.localdate(),
        timezone.localtime(last.starts_at).date() if last else datetime.date.min,
    )
    weekday = timezone.localtime(last.starts_at).weekday() if last else None
    proposed = next_termly_dates(after, weekday=weekday)
    initial = {f"date_{n}": d for n, d in enumerate(proposed, start=1)} | {
        "start": timezone.localtime(last.starts_at).time() if last else DEFAULT_START,
        "end": timezone.localtime(last.ends_at).time() if last else DEFAULT_END,
        "location": last.location if last else "",
        "online_link": last.online_link if last else "",
    }
    form = TermlyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            created = services.schedule_termly_meetings(
                partnership=p,
                dates=d["dates"],
                start=d["start"],
                end=d["end"],
                location=d["location"],
                online_link=d["online_link"],
                by=request.user,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(n)s meetings have been scheduled.") % {"n": len(created)}
                if len(created) != 1
                else _("1 meeting has been scheduled."),
            )
            return redirect("meetings", slug=p.slug)
    return render(
        request,
        "meetings/termly.html",
        {"form": form, "partnership": p, "last": last, "proposed": proposed},
    )


@login_required
def meeting_detail(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.view_meetings")
    meeting = _get_meeting(p, pk)
    attendance = list(meeting.attendance.all())
    return render(
        request,
        "meetings/detail.html",
        {
            "partnership": p,
            "meeting": meeting,
            "attended": [a for a in attendance if a.status == "attended"],
            "apologies": [a for a in attendance if a.status == "apologies"],
            "can_manage": has_permission(request.user, "meetings.manage_meetings", p),
        },
    )


@login_required
def meeting_attendance(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    rows = selectors.members_with_attendance(meeting)
    form = AttendanceForm(request.POST or None, rows=rows)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_attendance(meeting=meeting, statuses=form.statuses(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Attendance has been saved."))
            return redirect(meeting)
    return render(
        request, "meetings/attendance.html", {"form": form, "partnership": p, "meeting": meeting}
    )


@login_required
def meeting_agenda(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    form = AgendaItemForm(request.POST if "add" in request.POST else None)
    if request.method == "POST":
        try:
            if "generate" in request.POST:
                added = services.generate_agenda(meeting=meeting, by=request.user)
                messages.success(
                    request,
                    _("%(n)s items added from the action plan.") % {"n": added}
                    if added
                    else _("The agenda already has every open action."),
                )
                return redirect("meeting_agenda", slug=p.slug, pk=meeting.pk)
            for op in ("up", "down", "remove"):
                if op in request.POST:
                    item = get_object_or_404(AgendaItem, meeting=meeting, pk=request.POST[op])
                    if op == "remove":
                        services.remove_agenda_item(item=item, by=request.user)
                    else:
                        services.move_agenda_item(item=item, up=op == "up", by=request.user)
                    return redirect("meeting_agenda", slug=p.slug, pk=meeting.pk)
            if "add" in request.POST and form.is_valid():
                services.add_agenda_item(
                    meeting=meeting, title=form.cleaned_data["title"], by=request.user
                )
                messages.success(request, _("The item has been added to the agenda."))
                return redirect("meeting_agenda", slug=p.slug, pk=meeting.pk)
        except ValidationError as error:
            add_errors(form, error)
            form.is_bound = True
    return render(
        request,
        "meetings/agenda.html",
        {"form": form, "partnership": p, "meeting": meeting, "items": list(meeting.agenda.all())},
    )


@login_required
def meeting_minutes(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    items = list(meeting.agenda.all())
    form = MinutesForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_minutes(meeting=meeting, minutes=form.minutes(), by=request.user)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The minutes have been saved."))
            return redirect(meeting)
    rows = [
        {
            "item": item,
            "minutes": form[f"minutes_{item.pk}"],
            "decisions": form[f"decisions_{item.pk}"],
        }
        for item in items
    ]
    return render(
        request,
        "meetings/minutes.html",
        {"form": form, "rows": rows, "partnership": p, "meeting": meeting},
    )


@login_required
def meeting_publish(request, slug, pk, what):
    """Send the agenda (or the minutes) to every member: a page that asks, and a button."""
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    error = None
    if request.method == "POST":
        publish = services.publish_agenda if what == "agenda" else services.publish_minutes
        try:
            publish(meeting=meeting, by=request.user)
        except ValidationError as e:
            error = e.messages[0]
        else:
            messages.success(
                request,
                _("The agenda has been sent to the members.")
                if what == "agenda"
                else _("The minutes have been sent to the members."),
            )
            return redirect(meeting)
    return render(
        request,
        "meetings/publish.html",
        {"partnership": p, "meeting": meeting, "what": what, "error": error},
    )


@login_required
def meeting_action_new(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    meeting = _get_meeting(p, pk)
    form = action_form_for(p, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.create_action_from_minutes(
                meeting=meeting, **form.cleaned_data, by=request.user
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The action has been added to the action plan."))
            return redirect(meeting)
    return render(
        request,
        "actions/form.html",
        {"form": form, "partnership": p, "action": None, "meeting": meeting},
    )


def _ics_response(body: bytes, filename: str, *, download: bool) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = "private, max-age=900"
    return response


@login_required
def meeting_ics(request, slug, pk):
    p = get_partnership_or_404(request.user, slug, "meetings.view_meetings")
    meeting = _get_meeting(p, pk)
    body = ical.calendar_for([meeting], name=p.name, base_url=request.build_absolute_uri("/"))
    date = timezone.localtime(meeting.starts_at).date()
    return _ics_response(body, f"{p.slug}-meeting-{date:%Y-%m-%d}.ics", download=True)


@login_required
def meetings_calendar_reset(request, slug):
    p = get_partnership_or_404(request.user, slug, "meetings.manage_meetings")
    if request.method == "POST":
        services.regenerate_feed(feed=services.partnership_feed(partnership=p), by=request.user)
        messages.success(
            request,
            _("The partnership has a new calendar link. Members need to subscribe to it again."),
        )
        return redirect("meetings", slug=p.slug)
    return render(request, "meetings/calendar_reset.html", {"partnership": p})


# Calendar feeds: calendar programs cannot sign in, so the secret token is the key --------------


@require_GET
def partnership_calendar_feed(request, token):
    feed = selectors.feed_by_token(token, kind="partnership")
    if feed is None:
        raise Http404
    p = feed.partnership
    body = ical.calendar_for(
        selectors.calendar_meetings_for_partnership(p),
        name=p.name,
        base_url=request.build_absolute_uri("/"),
    )
    return _ics_response(body, f"{p.slug}.ics", download=False)


@require_GET
def person_calendar_feed(request, token):
    feed = selectors.feed_by_token(token, kind="person")
    if feed is None:
        raise Http404
    body = ical.calendar_for(
        selectors.calendar_meetings_for_person(feed.person),
        name=_("My Act Locally meetings"),
        base_url=request.build_absolute_uri("/"),
    )
    return _ics_response(body, "my-meetings.ics", download=False)


@login_required
def my_calendar(request):
    feed = services.person_feed(person=request.user)
    if request.method == "POST":
        services.regenerate_feed(feed=feed, by=request.user)
        messages.success(request, _("You have a new calendar link. The old one no longer works."))
        return redirect("my_calendar")
    return render(
        request,
        "meetings/my_calendar.html",
        {"feed_url": request.build_absolute_uri(feed.get_absolute_url())},
    )
