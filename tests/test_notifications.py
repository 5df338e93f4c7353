"""Notifications: action reminders on schedule, preferences on the profile page, the weekly
digest, unsubscribe links without sign-in, the list in the header, agendas and minutes sent."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from actlocally.jobs import schedule
from actlocally.meetings.services import publish_minutes
from actlocally.notifications.models import Frequency, Kind, Notification, Preference
from actlocally.notifications.services import notify, unsubscribe_token
from actlocally.notifications.tasks import send_weekly_digests
from tests import factories
from tests.pageforms import page_form, submit

DUE = datetime.date(2027, 3, 15)


@pytest.fixture
def owned_action(world):
    return factories.ActionFactory(
        partnership=world.keighley,
        focus_issue=world.focus,
        owner=world.people["member"],
        title="Reading buddies in four schools",
        due_on=DUE,
    )


def run_schedule_on(day: datetime.date, capture, hour: int = 7, minute: int = 5) -> None:
    """What the scheduler does at `hour:minute` on `day` (the worker runs the tasks inline)."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
    with time_machine.travel(moment, tick=False), capture(execute=True):
        schedule.queue_due()


def reminders_to(person) -> list:
    return [m for m in mail.outbox if m.to == [person.email]]


def test_owner_gets_a_reminder_a_week_before_due_and_when_overdue_exactly_once(
    world, owned_action, django_capture_on_commit_callbacks
):
    owner = world.people["member"]
    run_schedule_on(DUE - datetime.timedelta(days=8), django_capture_on_commit_callbacks)
    assert reminders_to(owner) == []

    run_schedule_on(DUE - datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert [m.subject for m in reminders_to(owner)] == [
        "[Act Locally] Due on 15 March 2027: Reading buddies in four schools"
    ]
    # The next days (and a second scheduler run the same day) send nothing new.
    run_schedule_on(DUE - datetime.timedelta(days=6), django_capture_on_commit_callbacks)
    run_schedule_on(DUE, django_capture_on_commit_callbacks)
    assert len(reminders_to(owner)) == 1

    run_schedule_on(DUE + datetime.timedelta(days=1), django_capture_on_commit_callbacks)
    run_schedule_on(DUE + datetime.timedelta(days=2), django_capture_on_commit_callbacks)
    assert [m.subject for m in reminders_to(owner)] == [
        "[Act Locally] Due on 15 March 2027: Reading buddies in four schools",
        "[Act Locally] Overdue: Reading buddies in four schools",
    ]


def test_a_done_action_gets_no_overdue_reminder(
    world, owned_action, django_capture_on_commit_callbacks
):
    owned_action.status = "done"
    owned_action.save()
    run_schedule_on(DUE + datetime.timedelta(days=1), django_capture_on_commit_callbacks)
    assert reminders_to(world.people["member"]) == []


def test_reminder_email_has_plain_text_and_html_parts_and_an_unsubscribe_link(
    world, owned_action, django_capture_on_commit_callbacks
):
    run_schedule_on(DUE + datetime.timedelta(days=1), django_capture_on_commit_callbacks)
    (message,) = reminders_to(world.people["member"])
    assert "was due on Monday 15 March 2027 and is not done yet" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "Reading buddies in four schools" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe in message.body and unsubscribe in html
    assert "/notifications/unsubscribe/" in unsubscribe


def test_unsubscribe_link_works_without_signing_in(client, world):
    person = world.people["member"]
    url = reverse(
        "notifications_unsubscribe", kwargs={"token": unsubscribe_token(person, "action_overdue")}
    )
    page = client.get(url)
    assert Preference.objects.count() == 0  # opening the link (or a mail scanner) changes nothing
    response = submit(client, page, page_form(page))
    assert "You will not get these emails any more" in response.content.decode()
    assert Preference.objects.get(person=person, kind="action_overdue").frequency == "off"


def test_a_tampered_unsubscribe_link_is_not_found(client, world):
    token = unsubscribe_token(world.people["member"], "action_overdue")
    url = reverse("notifications_unsubscribe", kwargs={"token": token[:-2] + "xx"})
    assert client.get(url).status_code == 404


def test_profile_page_saves_a_choice_per_kind(client, world):
    person = world.people["member"]
    client.force_login(person)
    page = client.get(reverse("profile"))
    form = page_form(page, with_field="notifications-kind_action_overdue")
    form.choose("notifications-kind_action_overdue", "once a week")
    form.choose("notifications-kind_agenda_published", "Do not email me")
    submit(client, page, form, button=("save_notifications", ""))
    assert dict(person.notification_preferences.values_list("kind", "frequency")) == {
        "action_due_soon": "immediate",
        "action_overdue": "digest",
        "agenda_published": "off",
        "minutes_published": "immediate",
        "statement_circulated": "immediate",
        "statement_agreed": "immediate",
        "panel_invitation": "immediate",
        "grant_clarification": "immediate",
        "output_to_check": "immediate",
        "output_decided": "immediate",
    }


def test_off_means_no_email_but_the_notification_is_in_the_list(
    client, world, owned_action, django_capture_on_commit_callbacks
):
    person = world.people["member"]
    Preference.objects.create(person=person, kind="action_overdue", frequency=Frequency.OFF)
    run_schedule_on(DUE + datetime.timedelta(days=1), django_capture_on_commit_callbacks)
    assert reminders_to(person) == []
    client.force_login(person)
    page = client.get(reverse("notifications")).content.decode()
    assert "Overdue: Reading buddies in four schools" in page


def test_weekly_digest_sends_one_email_with_everything_chosen_weekly(
    world, django_capture_on_commit_callbacks
):
    person = world.people["member"]
    Preference.objects.create(person=person, kind="action_overdue", frequency=Frequency.DIGEST)
    for n in range(2):
        action = factories.ActionFactory(
            partnership=world.keighley, owner=person, title=f"Task {n}", due_on=DUE
        )
        with django_capture_on_commit_callbacks(execute=True):
            notify(
                kind=Kind.ACTION_OVERDUE,
                recipients=[person],
                subject=f"Overdue: {action.title}",
                context={"action": action},
                url=action.get_absolute_url(),
            )
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests.enqueue()
    (digest,) = mail.outbox
    assert "Overdue: Task 0" in digest.body and "Overdue: Task 1" in digest.body
    with django_capture_on_commit_callbacks(execute=True):
        send_weekly_digests.enqueue()
    assert len(mail.outbox) == 1


def test_header_shows_unread_count_and_mark_all_read_clears_it(client, world):
    person = world.people["member"]
    notify(
        kind=Kind.ACTION_OVERDUE,
        recipients=[person],
        subject="Overdue: x",
        context={"action": None},
    )
    client.force_login(person)
    page = client.get(reverse("notifications"))
    assert '1<span class="govuk-visually-hidden"> unread</span>' in page.content.decode()
    after = submit(client, page, page_form(page, with_field="mark_read"))
    assert Notification.objects.get().read_at is not None
    assert "unread</span>" not in client.get(after.url).content.decode()


def test_a_notification_shows_what_was_typed_as_text(client, world):
    person = world.people["member"]
    action = factories.ActionFactory(
        partnership=world.keighley, owner=person, title="<b>bold</b>", due_on=DUE
    )
    notify(
        kind=Kind.ACTION_OVERDUE,
        recipients=[person],
        subject="Overdue: <b>bold</b>",
        context={"action": action},
    )
    client.force_login(person)
    page = client.get(reverse("notifications")).content.decode()
    assert "<b>bold</b>" not in page and "&lt;b&gt;bold&lt;/b&gt;" in page


def test_sending_the_agenda_notifies_every_member(
    client, world, django_capture_on_commit_callbacks
):
    start = timezone.now() + datetime.timedelta(days=10)
    meeting = factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    meeting.agenda.create(order=1, title="Welcome")
    client.force_login(world.people["coordinator"])
    detail = client.get(meeting.get_absolute_url()).content.decode()
    assert (
        reverse("meeting_publish_agenda", kwargs={"slug": "keighley", "pk": meeting.pk}) in detail
    )
    page = client.get(
        reverse("meeting_publish_agenda", kwargs={"slug": "keighley", "pk": meeting.pk})
    )
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, page_form(page, with_field="send"))
    members = sorted(world.keighley.memberships.values_list("person__email", flat=True))
    # Each member once, and nobody outside the partnership.
    assert sorted(m.to[0] for m in mail.outbox) == members
    assert all(m.subject.startswith("[Act Locally] Agenda: ") for m in mail.outbox)


def test_sending_the_minutes_notifies_every_member_once(world, django_capture_on_commit_callbacks):
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = factories.MeetingFactory(
        partnership=world.keighley,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status="held",
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish_minutes(meeting=meeting, by=world.people["coordinator"])
    members = sorted(world.keighley.memberships.values_list("person__email", flat=True))
    assert sorted(m.to[0] for m in mail.outbox) == members
    assert all(m.subject.startswith("[Act Locally] Minutes: ") for m in mail.outbox)


def test_minutes_cannot_be_sent_before_they_are_written(client, world):
    start = timezone.now() - datetime.timedelta(days=1)
    meeting = factories.MeetingFactory(
        partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    client.force_login(world.people["coordinator"])
    url = reverse("meeting_publish_minutes", kwargs={"slug": "keighley", "pk": meeting.pk})
    page = client.get(url)
    response = submit(client, page, page_form(page, with_field="send"))
    assert "Write the minutes before sending them." in response.content.decode()
    assert Notification.objects.count() == 0
