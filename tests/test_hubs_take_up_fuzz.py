"""Fuzzing take-up, referrals between a hub's services and the directory's map: whatever is
posted to the take-up or referral-count form, or sent to the map's GeoJSON, the answer is the
page (with errors) or a redirect, never a 500, and a count is never stored negative (or nought,
for referrals), for the future, or between a service and itself."""

import pytest
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.hubs.models import ServiceReferralCount, TakeUp
from tests.factories_hubs import HubFactory, SessionFactory, hub_with_services

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**40), max_value=2**40).map(str),
    st.sampled_from(["", "0", "-1", "9", "10", "2026-11-01", "2099-01-01", "0000-00-00", "x"]),
)
FIELDS = [
    "session",
    "service",
    "period_start",
    "period_end",
    "age_band",
    "from_hub_school_count",
    "from_spoke_school_count",
]


@pytest.fixture
def hub_lead_at_hub(client, world):
    hub = HubFactory(partnership=world.keighley)
    SessionFactory(hub=hub)
    client.force_login(world.people["hub_lead"])
    return hub


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.dictionaries(st.sampled_from(FIELDS), VALUES, max_size=7))
def test_any_take_up_post_is_a_page_or_a_redirect(client, hub_lead_at_hub, data):
    hub = hub_lead_at_hub
    response = client.post(
        reverse("hubs_take_up", kwargs={"slug": hub.partnership.slug, "pk": hub.pk}), data
    )

    assert response.status_code in (200, 302, 400)
    assert not TakeUp.objects.filter(period_end__gt=timezone.localdate()).exists()
    assert not TakeUp.objects.filter(session__first_on__gt=F("period_end")).exists()


REFERRAL_FIELDS = ["from_service", "to_service", "on", "reason", "outcome", "count"]


@pytest.fixture
def hub_lead_at_joined_up_hub(client, world):
    hub = hub_with_services(world.keighley, "School nursing", "Dental check-up")
    client.force_login(world.people["hub_lead"])
    return hub


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.dictionaries(st.sampled_from(REFERRAL_FIELDS), VALUES, max_size=6),
    services=st.lists(st.sampled_from([0, 1]), min_size=2, max_size=2),
)
def test_any_service_referral_post_is_a_page_or_a_redirect(
    client, hub_lead_at_joined_up_hub, data, services
):
    hub = hub_lead_at_joined_up_hub
    at_hub = [s.service_id for s in hub.sessions.order_by("pk")]
    # Half the time post real services (so the other fields are reached), else what was drawn.
    if services[0]:
        data = {**data, "from_service": at_hub[0], "to_service": at_hub[services[1]]}
    response = client.post(
        reverse("hubs_service_referrals", kwargs={"slug": hub.partnership.slug, "pk": hub.pk}),
        data,
    )

    assert response.status_code in (200, 302, 400)
    stored = ServiceReferralCount.objects.all()
    assert not stored.filter(on__gt=timezone.localdate()).exists()
    assert not stored.filter(count__lt=1).exists()
    assert all(r.from_service_id != r.to_service_id for r in stored)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    params=st.dictionaries(
        st.sampled_from(["need", "age", "day", "cost", "language", "near", "page"]),
        VALUES,
        max_size=5,
    )
)
def test_any_map_query_is_geojson_or_a_400(client, world, params):
    response = client.get(
        reverse("local_offer_geojson", kwargs={"slug": world.keighley.slug}), params
    )

    assert response.status_code in (200, 400, 404)
    if response.status_code == 200:
        assert response.json()["type"] == "FeatureCollection"
