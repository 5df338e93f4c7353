"""A hub's timetable: recurrence rules with school-holiday exceptions, rules refused with a
reason, the week's sessions on the public hub page, and the iCalendar feed."""

import datetime

import pytest
from dateutil.rrule import rrulestr
from django.core.exceptions import ValidationError
from django.urls import reverse
from icalendar import Calendar

from actlocally.hubs import services
from actlocally.hubs.timetable import session_dates
from tests.factories import PartnershipFactory
from tests.factories_hubs import HolidayPeriodFactory, HubFactory, SessionFactory
from tests.pageforms import page_form, read_forms, submit

pytestmark = pytest.mark.django_db

TUESDAYS = "FREQ=WEEKLY;BYDAY=TU;COUNT=6"  # 6 Oct to 10 Nov 2026
HALF_TERM = datetime.date(2026, 10, 27)


@pytest.fixture
def hub():
    hub = HubFactory(partnership=PartnershipFactory(is_public=True))
    HolidayPeriodFactory(local_authority=hub.partnership.local_authority)
    return hub


def add(hub, rrule, **kwargs):
    return services.add_session(
        hub=hub,
        title="Drop-in",
        first_on=kwargs.pop("first_on", datetime.date(2026, 10, 6)),
        starts_at=datetime.time(12),
        ends_at=datetime.time(13),
        rrule=rrule,
        by=None,
        **kwargs,
    )


def test_a_weekly_session_skips_the_half_term_tuesday(hub):
    session = add(hub, TUESDAYS)

    runs, skipped = session_dates(session, list(hub.partnership.local_authority.holidays.all()))

    assert (len(runs), skipped) == (5, [HALF_TERM])


def test_a_monthly_first_tuesday_rule(hub):
    session = add(hub, "FREQ=MONTHLY;BYDAY=1TU;COUNT=3")

    runs, _skipped = session_dates(session, [])

    assert runs == [
        datetime.date(2026, 10, 6),
        datetime.date(2026, 11, 3),
        datetime.date(2026, 12, 1),
    ]


def test_a_session_in_holidays_runs_when_told_to(hub):
    session = add(hub, TUESDAYS, skips_holidays=False)

    runs, _skipped = session_dates(session, list(hub.partnership.local_authority.holidays.all()))

    assert HALF_TERM in runs


def test_a_rule_that_never_ends_is_refused_with_why(hub):
    with pytest.raises(ValidationError) as refused:
        add(hub, "FREQ=WEEKLY;BYDAY=TU")

    assert "never ends" in str(refused.value)


def test_a_rule_with_no_sessions_outside_the_holidays_is_refused(hub):
    with pytest.raises(ValidationError) as refused:
        add(hub, "FREQ=DAILY;COUNT=5", first_on=datetime.date(2026, 10, 26))

    assert "no sessions outside the school holidays" in str(refused.value)


def test_a_rule_with_too_many_sessions_is_refused(hub):
    with pytest.raises(ValidationError) as refused:
        add(hub, "FREQ=DAILY;COUNT=5000")

    assert "more than" in str(refused.value)


@pytest.mark.parametrize("rule", ["FREQ=SOMETIMES;COUNT=3", "nonsense", "", "FREQ=WEEKLY;COUNT=x"])
def test_an_unreadable_rule_is_refused(hub, rule):
    with pytest.raises(ValidationError):
        add(hub, rule)


def test_the_calendar_leaves_out_the_half_term_tuesday(client, hub):
    add(hub, TUESDAYS)
    url = reverse("hub_calendar", kwargs={"slug": hub.partnership.slug, "pk": hub.pk})

    [event] = Calendar.from_ical(client.get(url).content).walk("VEVENT")

    rule = rrulestr(event["RRULE"].to_ical().decode(), dtstart=event.decoded("DTSTART"))
    shown = [d.date() for d in rule if d.date() not in {x.dt.date() for x in event["EXDATE"].dts}]
    assert (len(shown), HALF_TERM in shown) == (5, False)


def test_the_calendar_bounds_until_in_utc(client, hub):
    add(hub, "FREQ=WEEKLY;BYDAY=TU;UNTIL=20261110")
    url = reverse("hub_calendar", kwargs={"slug": hub.partnership.slug, "pk": hub.pk})

    [event] = Calendar.from_ical(client.get(url).content).walk("VEVENT")

    assert event["RRULE"]["UNTIL"][0].tzinfo is not None


def test_the_hub_page_shows_this_weeks_sessions(client, hub, monkeypatch):
    SessionFactory(hub=hub, title="Healthy Minds drop-in", first_on=datetime.date(2026, 10, 6))
    monkeypatch.setattr(
        "django.utils.timezone.localdate", lambda *a, **k: datetime.date(2026, 10, 14)
    )

    response = client.get(hub.get_absolute_url())

    assert [s.title for _d, s in response.context["week"]] == ["Healthy Minds drop-in"]


def test_the_hub_page_says_when_it_is_the_holidays(client, hub, monkeypatch):
    SessionFactory(hub=hub)
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: HALF_TERM)

    response = client.get(hub.get_absolute_url())

    assert (response.context["week"], "October half term" in response.content.decode()) == (
        [],
        True,
    )


def session_page(client, world):
    hub = HubFactory(partnership=world.keighley)
    HolidayPeriodFactory(local_authority=world.keighley.local_authority)
    client.force_login(world.people["hub_lead"])
    url = reverse("hubs_session_new", kwargs={"slug": "keighley", "pk": hub.pk})
    return hub, client.get(url)


def fill(form, rrule):
    return (
        form.set("title", "School nursing drop-in")
        .set("first_on", "2026-10-06")
        .set("starts_at", "12:00")
        .set("ends_at", "13:30")
        .set("rrule", rrule)
    )


def test_the_hub_lead_adds_a_term_time_session(client, world):
    hub, page = session_page(client, world)

    submit(client, page, fill(page_form(page, with_field="rrule"), TUESDAYS))

    assert hub.sessions.get().skips_holidays


def test_the_form_says_why_a_rule_is_refused(client, world):
    hub, page = session_page(client, world)

    response = submit(client, page, fill(page_form(page, with_field="rrule"), "FREQ=WEEKLY"))

    assert ("never ends" in response.content.decode(), hub.sessions.count()) == (True, 0)


def test_a_hub_and_its_timetable_tick_the_journeys_hub_steps(hub):
    from actlocally.journey.models import StepProgress

    new = services.add_hub(partnership=hub.partnership, name="Keighley Central school hub", by=None)
    add(new, TUESDAYS)

    ticked = StepProgress.objects.filter(partnership=hub.partnership, status="done")
    assert set(ticked.values_list("step__key", flat=True)) == {
        "identify-school-health-hub",
        "plan-hub-offer",
    }


def test_the_coordinator_adds_a_school_holiday(client, world):
    client.force_login(world.people["coordinator"])
    page = client.get(reverse("hubs_holidays", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="starts_on").set("name", "May half term")
    form.set("starts_on", "2027-05-31").set("ends_on", "2027-06-04")

    submit(client, page, form)

    assert [h.name for h in world.keighley.local_authority.holidays.all()] == ["May half term"]


def test_a_holiday_ending_before_it_starts_is_refused(client, world):
    client.force_login(world.people["coordinator"])
    page = client.get(reverse("hubs_holidays", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="starts_on").set("name", "Oops")
    form.set("starts_on", "2027-06-04").set("ends_on", "2027-05-31")

    response = submit(client, page, form)

    assert "on or after the first" in response.content.decode()


def test_the_coordinator_removes_a_holiday(client, world):
    HolidayPeriodFactory(local_authority=world.keighley.local_authority)
    client.force_login(world.people["coordinator"])
    page = client.get(reverse("hubs_holidays", kwargs={"slug": "keighley"}))

    [remove] = [f for f in read_forms(page.content) if f.action.endswith("/remove/")]
    submit(client, page, remove)

    assert not world.keighley.local_authority.holidays.exists()


def done_steps(partnership):
    from actlocally.journey.models import StepProgress

    ticked = StepProgress.objects.filter(partnership=partnership, status="done")
    return set(ticked.values_list("step__key", flat=True))


def test_adding_a_hub_from_the_page_ticks_identify_school_health_hub(client, world):
    client.force_login(world.people["hub_lead"])
    page = client.get(reverse("hubs_hub_new", kwargs={"slug": "keighley"}))

    submit(client, page, page_form(page, with_field="name").set("name", "Keighley Central hub"))

    assert done_steps(world.keighley) == {"identify-school-health-hub"}


def test_adding_a_session_from_the_page_ticks_plan_school_health_hub_offer(client, world):
    _hub, page = session_page(client, world)

    submit(client, page, fill(page_form(page, with_field="rrule"), TUESDAYS))

    assert "plan-hub-offer" in done_steps(world.keighley)
