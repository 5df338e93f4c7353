"""Fuzzing take-up and the directory's map: whatever is posted to the take-up form, or sent to
the map's GeoJSON, the answer is the page (with errors) or a redirect, never a 500, and a
count is never stored negative or for the future."""

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.hubs.models import TakeUp
from tests.factories_hubs import HubFactory, SessionFactory

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
