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


def test_each_demo_hub_has_a_one_stop_shop_day_and_a_month_of_take_up(demo):
    from actlocally.hubs.models import Hub

    hubs = Hub.objects.all()

    assert all(h.one_stop_days.exists() and h.take_up.exists() for h in hubs)
    assert all(row.illustrative for h in hubs for row in h.take_up.all())


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
