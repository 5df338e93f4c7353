"""The demo's local offer: Keighley's directory of about 40 services, every one labelled
illustrative, and all of it valid ORUK."""

import pytest

from actlocally.hubs import oruk
from actlocally.hubs.exports import export_services
from actlocally.hubs.models import Service
from actlocally.partnerships.models import Membership, Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, settings):
    settings.DEMO_MODE = True
    return Partnership.objects.get(slug="keighley")


def test_keighley_has_a_local_offer_of_about_forty_illustrative_services(demo):
    services = Service.objects.filter(partnership=demo)

    assert (services.count(), services.filter(illustrative=False).count()) == (40, 0)


def test_the_demo_offer_is_valid_oruk(demo):
    documents = export_services(demo)

    assert [oruk.errors_in(d, "compiled/service") for d in documents] == [[]] * len(documents)


def test_the_demo_has_a_hub_lead_in_keighley(demo):
    assert Membership.objects.filter(partnership=demo, role="hub_lead").exists()


def test_the_three_hubs_the_source_names_have_timetables(demo):
    from actlocally.hubs.models import Hub

    hubs = Hub.objects.filter(sessions__isnull=False).distinct().order_by("name")

    assert [h.name for h in hubs] == [
        "Dixons Allerton Academy School Health Hub",
        "Holme Wood one stop health shop",
        "Keighley Central school hub",
    ]


def test_each_demo_hub_has_a_one_stop_shop_day_and_illustrative_take_up(demo):
    from actlocally.hubs.models import Hub

    hubs = Hub.objects.all()

    assert all(h.one_stop_days.exists() and h.take_up.exists() for h in hubs)
    assert all(row.illustrative for h in hubs for row in h.take_up.all())


def test_every_autumn_term_session_so_far_has_take_up_and_none_is_ahead(demo):
    from django.utils import timezone

    from actlocally.hubs import selectors, timetable
    from actlocally.hubs.demo import AUTUMN_TERM_ENDS, TERM_STARTS
    from actlocally.hubs.models import Hub

    last = min(AUTUMN_TERM_ENDS, timezone.localdate())
    holidays = selectors.holidays_of(demo)
    for hub in Hub.objects.all():
        held = set(timetable.between(list(hub.sessions.all()), holidays, TERM_STARTS, last))
        recorded = {(r.period_start, r.session) for r in hub.take_up.select_related("session")}
        assert recorded == held, hub.name
        assert not hub.take_up.filter(period_end__gt=timezone.localdate()).exists()


def test_the_demo_take_up_counts_families_from_the_hub_school_and_from_spoke_schools(demo):
    from django.db.models import Sum

    from actlocally.hubs.models import Hub

    sums = [
        h.take_up.aggregate(Sum("from_hub_school_count"), Sum("from_spoke_school_count"))
        for h in Hub.objects.all()
    ]

    assert all(all(v > 0 for v in s.values()) for s in sums) and len(sums) == 3


def test_keighleys_demo_hub_records_referrals_between_its_own_services(demo):
    from actlocally.hubs.joined_up import services_at
    from actlocally.hubs.models import Hub

    hub = Hub.objects.get(partnership=demo)
    at_hub = set(services_at(hub))
    rows = list(hub.service_referrals.select_related("from_service", "to_service"))

    assert hub.records_service_referrals and rows
    assert all(
        r.illustrative
        and r.from_service != r.to_service
        and {r.from_service, r.to_service} <= at_hub
        for r in rows
    )


def test_only_keighleys_demo_hub_has_referrals_between_services_turned_on(demo):
    from actlocally.hubs.models import Hub

    assert [h.partnership.slug for h in Hub.objects.filter(records_service_referrals=True)] == [
        "keighley"
    ]


def test_the_demo_hubs_tick_the_journeys_two_hub_steps_in_each_partnership(demo):
    from actlocally.hubs.models import Hub
    from actlocally.journey.models import StepProgress

    done = set(
        StepProgress.objects.filter(status="done").values_list("partnership__slug", "step__key")
    )

    assert all(
        {(h.partnership.slug, "identify-school-health-hub"), (h.partnership.slug, "plan-hub-offer")}
        <= done
        for h in Hub.objects.select_related("partnership")
    )


def test_keighleys_demo_hub_has_spokes_and_referrals_in_every_state(demo):
    from actlocally.hubs.models import Hub, Referral

    hub = Hub.objects.get(partnership=demo)

    assert hub.spokes.exists()
    assert set(Referral.objects.values_list("status", flat=True)) == {
        "received",
        "accepted",
        "seen",
        "declined",
    }
