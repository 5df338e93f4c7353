"""The public area page: what a parent or resident looks for first (what has changed, who to
contact, how to take part, where the area is), only public information, and the contact form."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from actlocally.partnerships.selectors import public_area, public_area_extras
from tests import factories
from tests.pageforms import page_form, submit

SQUARE = '{"type":"Polygon","coordinates":[[[-1.9,53.8],[-1.8,53.8],[-1.8,53.9],[-1.9,53.8]]]}'


def _page(client, slug="keighley"):
    return BeautifulSoup(client.get(reverse("area", kwargs={"slug": slug})).content, "html.parser")


def _contact_page(client, world):
    client.force_login(world.people["coordinator"])
    return client.get(reverse("public_contact_edit", kwargs={"slug": "keighley"}))


@pytest.fixture
def area(world):
    ward = factories.WardFactory(name="Keighley Central")
    lsoas = [factories.LsoaFactory(ward=ward, geometry=SQUARE) for _ in range(2)]
    focus_area = factories.FocusAreaFactory(partnership=world.keighley)
    focus_area.lsoas.set(lsoas)
    return focus_area


# The contact form ---------------------------------------------------------------------------


def test_the_coordinator_sets_an_email_the_public_page_links_to(client, world):
    page = _contact_page(client, world)
    form = page_form(page, with_field="public_contact").set("public_contact", "hello@example.org")
    submit(client, page, form)
    link = _page(client).select_one("#contact + p a")
    assert link["href"] == "mailto:hello@example.org"


def test_a_phone_number_becomes_a_link_a_phone_can_call(client, world):
    page = _contact_page(client, world)
    form = page_form(page, with_field="public_contact").set("public_contact", "01274 123456")
    submit(client, page, form)
    assert _page(client).select_one("#contact + p a")["href"] == "tel:01274123456"


def test_a_web_address_other_than_http_is_refused(client, world):
    page = _contact_page(client, world)
    form = page_form(page, with_field="public_contact").set("public_contact", "javascript:x()")
    response = submit(client, page, form)
    assert "must start with https:// or http://" in response.content.decode()


def test_words_that_are_no_contact_are_refused(client, world):
    page = _contact_page(client, world)
    form = page_form(page, with_field="public_contact").set("public_contact", "ask at school")
    response = submit(client, page, form)
    assert "Enter an email address, a phone number or a web address" in (response.content.decode())


def test_a_member_cannot_change_the_contact(client, world):
    client.force_login(world.people["member"])
    url = reverse("public_contact_edit", kwargs={"slug": "keighley"})
    assert client.post(url, {"public_contact": "x@example.org"}).status_code in (403, 404)


# What the page shows ------------------------------------------------------------------------


def test_the_page_leads_with_the_latest_early_impact(client, world):
    factories.EarlyImpactFactory(partnership=world.keighley, text="Breakfast club opened")
    assert "Breakfast club opened" in _page(client).select_one("#changed + p + ul").get_text()


def test_the_page_says_what_the_next_public_event_is(client, world):
    soon = timezone.localdate() + datetime.timedelta(days=10)
    factories.TimelineEventFactory(
        partnership=world.keighley, title="Family fun day", starts_on=soon
    )
    assert "Family fun day" in _page(client).select_one("#next-event").get_text()


def test_an_open_symposium_links_to_joining_from_a_phone(client, world):
    factories.SymposiumFactory(partnership=world.keighley, title="Keighley food symposium")
    box = _page(client).select_one("#open-symposium")
    assert "Keighley food symposium" in box.get_text()
    assert box.select_one("a")["href"] == reverse("join")


def test_a_symposium_whose_priorities_are_agreed_is_not_offered(client, world):
    factories.SymposiumFactory(partnership=world.keighley, stage="agreed")
    assert _page(client).select_one("#open-symposium") is None


def test_without_javascript_the_page_lists_the_areas_wards(client, world, area):
    assert [li.get_text() for li in _page(client).select("#wards li")] == ["Keighley Central"]


def test_the_map_reads_the_public_boundaries(client, world, area):
    url = _page(client).select_one("#public-area-map")["data-geojson"]
    assert url == reverse("area_public_geojson", kwargs={"slug": "keighley"})


# Only public information --------------------------------------------------------------------


def test_the_public_map_has_the_boundaries_and_not_the_asset_map(client, world, area):
    factories.AssetFactory(partnership=world.keighley, name="Mrs Khan's kitchen", latitude=53.85)
    data = client.get(reverse("area_public_geojson", kwargs={"slug": "keighley"})).json()
    assert {f["properties"]["kind"] for f in data["features"]} == {"lsoa"}


def test_a_partnership_without_a_public_page_has_no_public_map(client, world, area):
    world.keighley.is_public = False
    world.keighley.save()
    response = client.get(reverse("area_public_geojson", kwargs={"slug": "keighley"}))
    assert response.status_code == 404


def test_a_members_meeting_is_not_offered_as_a_way_to_take_part(client, world):
    factories.MeetingFactory(partnership=world.keighley, title="Budget planning (members)")
    assert "Budget planning" not in _page(client).get_text()


def test_a_private_timeline_event_is_not_the_next_event(client, world):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    factories.TimelineEventFactory(
        partnership=world.keighley, title="Private planning", starts_on=soon, is_public=False
    )
    assert "Private planning" not in _page(client).select_one("#next-event").get_text()


def test_the_page_names_no_member(client, world):
    text = _page(client).get_text()
    assert not [p.display_name for p in world.people.values() if p.display_name in text]


def test_the_top_of_the_page_reads_in_a_constant_number_of_queries(
    world, area, django_assert_num_queries
):
    factories.EarlyImpactFactory.create_batch(3, partnership=world.keighley)
    factories.TimelineEventFactory.create_batch(3, partnership=world.keighley)
    partnership = public_area("keighley")
    with django_assert_num_queries(3):
        public_area_extras(partnership)


def test_the_area_tabs_map_draws_the_boundaries(client, world, area):
    # Regression: the view called a helper the selectors package no longer exported (a 500).
    client.force_login(world.people["member"])
    data = client.get(reverse("area_geojson", kwargs={"slug": "keighley"})).json()
    assert len(data["features"]) == 2


# Anything typed ------------------------------------------------------------------------------


@given(text=st.text(max_size=200))
def test_a_contact_is_refused_or_becomes_a_safe_link(text):
    from django.core.exceptions import ValidationError

    from actlocally.partnerships.contact import parse_contact

    try:
        contact = parse_contact(text)
    except ValidationError:
        return
    assert contact.href.split(":", 1)[0] in {"mailto", "tel", "http", "https"}
