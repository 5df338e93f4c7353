"""Take-up: hub staff record counts (never negative, never for the future), and every page and
file anyone but the research partner sees suppresses counts below measurement's threshold."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actlocally.hubs import takeup
from actlocally.hubs.models import TakeUp
from tests.factories_hubs import HubFactory, SessionFactory, TakeUpFactory
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def url(name, hub):
    return reverse(name, kwargs={"slug": hub.partnership.slug, "pk": hub.pk})


def take_up_form(client, hub):
    page = client.get(url("hubs_take_up", hub))
    return page, page_form(page, with_field="from_hub_school_count")


def test_the_hub_lead_records_take_up_for_a_session(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley), title="Tooth brushing")
    client.force_login(world.people["hub_lead"])
    page, form = take_up_form(client, session.hub)
    form.choose("session", "Tooth brushing").choose("age_band", "5 to 10")
    form.set("period_start", "2026-10-01").set("period_end", "2026-10-31")
    form.set("from_hub_school_count", "14").set("from_spoke_school_count", "30")

    submit(client, page, form)

    row = TakeUp.objects.get()
    assert (row.session, row.age_band, row.from_hub_school_count, row.from_spoke_school_count) == (
        session,
        "5-10",
        14,
        30,
    )


def test_a_negative_count_is_refused(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley), title="Tooth brushing")
    client.force_login(world.people["hub_lead"])
    page, form = take_up_form(client, session.hub)
    form.choose("session", "Tooth brushing").set("period_start", "2026-10-01")
    form.set("period_end", "2026-10-31").set("from_hub_school_count", "-1").set(
        "from_spoke_school_count", "3"
    )

    response = submit(client, page, form)

    assert response.status_code == 200 and not TakeUp.objects.exists()
    assert "greater than or equal to 0" in response.content.decode()


def test_a_period_in_the_future_is_refused(client, world):
    session = SessionFactory(hub=HubFactory(partnership=world.keighley), title="Tooth brushing")
    client.force_login(world.people["hub_lead"])
    page, form = take_up_form(client, session.hub)
    later = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    form.choose("session", "Tooth brushing").set("period_start", "2026-10-01")
    form.set("period_end", later).set("from_hub_school_count", "1").set(
        "from_spoke_school_count", "3"
    )

    response = submit(client, page, form)

    assert "cannot end in the future" in response.content.decode()
    assert not TakeUp.objects.exists()


def test_counts_need_a_session_or_a_service(client, world):
    hub = HubFactory(partnership=world.keighley)
    client.force_login(world.people["hub_lead"])
    page, form = take_up_form(client, hub)
    form.set("period_start", "2026-10-01").set("period_end", "2026-10-31")
    form.set("from_hub_school_count", "1").set("from_spoke_school_count", "3")

    response = submit(client, page, form)

    assert "Choose the session or the service" in response.content.decode()


def test_recording_the_same_period_again_replaces_the_counts():
    row = TakeUpFactory(from_hub_school_count=12)

    takeup.record_take_up(
        hub=row.hub,
        session=row.session,
        period_start=row.period_start,
        period_end=row.period_end,
        age_band=row.age_band,
        from_hub_school_count=15,
        from_spoke_school_count=row.from_spoke_school_count,
        by=None,
    )

    assert list(TakeUp.objects.values_list("from_hub_school_count", flat=True)) == [15]


def test_a_small_count_is_suppressed_and_so_is_its_total():
    row = TakeUpFactory(from_hub_school_count=3, from_spoke_school_count=40)

    [shown] = takeup.rows_of(row.hub, threshold=10)

    assert (shown.hub_school, shown.spoke_school, shown.total) == (None, 40, None)


def test_the_research_partner_sees_small_counts(client, world):
    row = TakeUpFactory(session=SessionFactory(hub=HubFactory(partnership=world.keighley)))
    row.from_hub_school_count = 3
    row.save()
    client.force_login(world.people["research_partner"])

    text = client.get(url("hubs_take_up", row.hub)).content.decode()

    assert ">3<" in text and ">suppressed<" not in text


def test_the_hub_lead_sees_small_counts_suppressed(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)), from_hub_school_count=3
    )
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_take_up", row.hub)).content.decode()

    assert ">suppressed<" in text and ">3<" not in text


def test_the_threshold_is_measurements_setting(client, world, settings):
    settings.MEASUREMENT_SMALL_NUMBER_THRESHOLD = 2
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)), from_hub_school_count=3
    )
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_take_up", row.hub)).content.decode()

    assert ">3<" in text


def test_the_csv_suppresses_small_counts(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)), from_hub_school_count=4
    )
    client.force_login(world.people["coordinator"])

    text = client.get(url("hubs_take_up_csv", row.hub)).content.decode()

    assert ",suppressed," in text and ",4," not in text


def test_the_chart_leaves_out_a_suppressed_month(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)),
        from_hub_school_count=4,
        from_spoke_school_count=25,
    )
    client.force_login(world.people["hub_lead"])

    spec = client.get(url("hubs_take_up_chart", row.hub)).json()

    assert [(v["kind"], v["count"]) for v in spec["data"]["values"]] == [
        ("From a spoke school", 25)
    ]


def test_the_public_hub_page_suppresses_small_counts(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)),
        from_hub_school_count=4,
        from_spoke_school_count=25,
    )

    text = client.get(row.hub.get_absolute_url()).content.decode()

    assert "fewer than 10" in text and ">4<" not in text


def test_removing_counts_after_confirming(client, world):
    row = TakeUpFactory(session=SessionFactory(hub=HubFactory(partnership=world.keighley)))
    client.force_login(world.people["hub_lead"])
    page = client.get(
        reverse(
            "hubs_take_up_remove",
            kwargs={"slug": "keighley", "pk": row.hub_id, "row_pk": row.pk},
        )
    )

    submit(client, page, page_form(page, with_field="confirm"))

    assert not TakeUp.objects.exists()


def test_the_form_asks_for_families_from_the_hub_school_and_from_a_spoke_school(client, world):
    hub = HubFactory(partnership=world.keighley)
    client.force_login(world.people["hub_lead"])

    _page, form = take_up_form(client, hub)

    assert {"from_hub_school_count", "from_spoke_school_count"} <= set(form.values)
    assert "new_count" not in form.values and "returning_count" not in form.values


def test_attendance_by_age_band_adds_up_hub_and_spoke_school_counts():
    row = TakeUpFactory(age_band="0-4", from_hub_school_count=12, from_spoke_school_count=20)
    TakeUpFactory(
        session=row.session,
        age_band="0-4",
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2026, 9, 30),
        from_hub_school_count=3,
        from_spoke_school_count=5,
    )

    [band] = takeup.by_age_band(row.hub, threshold=None)

    assert (band.label, band.hub_school, band.spoke_school) == ("Under 5", 15, 25)


def test_the_age_band_table_suppresses_a_small_count(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)),
        age_band="11-15",
        from_hub_school_count=30,
        from_spoke_school_count=2,
    )
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_take_up", row.hub)).content.decode()
    table = text[text.index('id="by-age-band"') :].split("</table>")[0]

    assert "11 to 15" in table and ">suppressed<" in table and ">2<" not in table


def test_the_csv_has_a_column_for_the_hub_school_and_one_for_spoke_schools(client, world):
    TakeUpFactory(session=SessionFactory(hub=HubFactory(partnership=world.keighley)))
    client.force_login(world.people["coordinator"])
    hub = TakeUp.objects.get().hub

    header = client.get(url("hubs_take_up_csv", hub)).content.decode().splitlines()[0]

    assert "From the hub school,From a spoke school" in header


def test_the_public_hub_page_shows_reach_from_the_hub_and_spoke_schools(client, world):
    row = TakeUpFactory(
        session=SessionFactory(hub=HubFactory(partnership=world.keighley)),
        from_hub_school_count=12,
        from_spoke_school_count=25,
    )

    text = client.get(row.hub.get_absolute_url()).content.decode()

    assert "From a spoke school" in text and ">25<" in text and ">12<" in text


def test_the_migration_clears_illustrative_new_and_returning_counts():
    from importlib import import_module

    from django.apps import apps

    TakeUpFactory(illustrative=True)
    migration = import_module(
        "actlocally.hubs.migrations.0004_take_up_by_school_and_service_referrals"
    )

    migration.split_by_school(apps, None)

    assert not TakeUp.objects.exists()


def test_the_migration_stops_rather_than_guess_at_real_counts():
    from importlib import import_module

    from django.apps import apps

    TakeUpFactory(illustrative=False)
    migration = import_module(
        "actlocally.hubs.migrations.0004_take_up_by_school_and_service_referrals"
    )

    with pytest.raises(RuntimeError, match="cannot be split"):
        migration.split_by_school(apps, None)


def test_the_page_lists_the_latest_records_and_says_the_csv_has_them_all(client, world, settings):
    from actlocally.hubs import takeup_views

    session = SessionFactory(hub=HubFactory(partnership=world.keighley))
    for day in range(1, takeup_views.LATEST + 3):
        on = datetime.date(2026, 1, 1) + datetime.timedelta(days=day)
        TakeUpFactory(session=session, period_start=on, period_end=on)
    client.force_login(world.people["hub_lead"])

    text = client.get(url("hubs_take_up", session.hub)).content.decode()

    assert f"The latest {takeup_views.LATEST} of {takeup_views.LATEST + 2} records" in text


def test_counts_for_a_session_that_had_not_begun_are_refused(client, world):
    session = SessionFactory(
        hub=HubFactory(partnership=world.keighley),
        title="Tooth brushing",
        first_on=datetime.date(2026, 10, 6),
    )
    client.force_login(world.people["hub_lead"])
    page, form = take_up_form(client, session.hub)
    form.choose("session", "Tooth brushing").set("period_start", "2026-09-01")
    form.set("period_end", "2026-09-30").set("from_hub_school_count", "1")
    form.set("from_spoke_school_count", "3")

    response = submit(client, page, form)

    assert "record it once it has run" in response.content.decode()
    assert not TakeUp.objects.exists()
