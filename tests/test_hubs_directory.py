"""The public directory of the local offer: filters, distance from a school or a
neighbourhood's centre, only published services, the handout, and a fixed query count."""

import pytest
from django.urls import reverse

from actlocally.hubs.directory import distance_km
from tests.factories import FocusAreaFactory, LsoaFactory, PartnershipFactory, PlacesSchoolFactory
from tests.factories_hubs import (
    LanguageFactory,
    LocationFactory,
    ScheduleFactory,
    ServiceAtLocationFactory,
    ServiceFactory,
    TaxonomyTermFactory,
)
from tests.pageforms import read_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def area():
    partnership = PartnershipFactory(is_public=True, slug="keighley-test")
    focus = FocusAreaFactory(partnership=partnership)
    lsoa = LsoaFactory(name="Keighley Central", latitude=53.8679, longitude=-1.9064)
    focus.lsoas.add(lsoa)
    PlacesSchoolFactory(
        urn=107300,
        name="Keighley Central Primary",
        lsoa_code=lsoa.code,
        latitude=53.868,
        longitude=-1.905,
    )
    return partnership


def names(response) -> list[str]:
    return [f.service.name for f in response.context["found"]]


def search_form(client, area):
    """The directory's search form as the page renders it (a GET form)."""
    response = client.get(reverse("local_offer", kwargs={"slug": area.slug}))
    return next(f for f in read_forms(response.content) if "need" in f.fields)


def search(client, area, **choices):
    url = reverse("local_offer", kwargs={"slug": area.slug})
    form = search_form(client, area)
    for name, value in choices.items():
        form.set(name, value)
    return client.get(url, {k: v[0] for k, v in form.values.items() if v})


def at(service, latitude, longitude):
    ServiceAtLocationFactory(
        service=service,
        location=LocationFactory(
            partnership=service.partnership, latitude=latitude, longitude=longitude
        ),
    )
    return service


def test_distance_between_keighley_and_bradford_is_about_14_km():
    assert distance_km((53.8679, -1.9064), (53.7950, -1.7594)) == pytest.approx(12.7, abs=0.5)


def test_only_published_services_are_found(client, area):
    ServiceFactory(partnership=area, name="Published")
    ServiceFactory(partnership=area, name="Draft", published=False)

    assert names(search(client, area)) == ["Published"]


def test_services_are_found_by_need(client, area):
    term = TaxonomyTermFactory(code="oral-health", name="Oral health")
    ServiceFactory(partnership=area, name="Tooth brushing").terms.add(term)
    ServiceFactory(partnership=area, name="Food bank")

    assert names(search(client, area, need="oral-health")) == ["Tooth brushing"]


def test_services_are_found_by_age(client, area):
    ServiceFactory(partnership=area, name="Under fives", minimum_age=0, maximum_age=4)
    ServiceFactory(partnership=area, name="Teenagers", minimum_age=13, maximum_age=19)

    assert names(search(client, area, age="3")) == ["Under fives"]


def test_services_are_found_by_day(client, area):
    ScheduleFactory(service=ServiceFactory(partnership=area, name="Tuesdays"), byday="TU")
    ScheduleFactory(service=ServiceFactory(partnership=area, name="Fridays"), byday="FR")

    assert names(search(client, area, day="FR")) == ["Fridays"]


def test_free_services_only(client, area):
    ServiceFactory(partnership=area, name="Free", is_free=True)
    ServiceFactory(partnership=area, name="Paid", is_free=False, fees="£2 a session")

    assert names(search(client, area, cost="free")) == ["Free"]


def test_services_are_found_by_language(client, area):
    LanguageFactory(service=ServiceFactory(partnership=area, name="In Urdu"), name="Urdu")
    LanguageFactory(service=ServiceFactory(partnership=area, name="In Polish"), name="Polish")

    assert names(search(client, area, language="Polish")) == ["In Polish"]


def test_nearest_to_the_chosen_school_comes_first(client, area):
    at(ServiceFactory(partnership=area, name="Far (Bradford)"), 53.7950, -1.7594)
    at(ServiceFactory(partnership=area, name="Near (Keighley)"), 53.8690, -1.9100)
    ServiceFactory(partnership=area, name="Anywhere (no place)")

    response = search(client, area, near="school:107300")

    assert names(response) == ["Near (Keighley)", "Far (Bradford)", "Anywhere (no place)"]


def test_a_neighbourhood_can_be_the_starting_point(client, area):
    lsoa_key = next(k for k in search_form(client, area).options["near"] if k.startswith("lsoa:"))
    at(ServiceFactory(partnership=area, name="Far"), 53.7950, -1.7594)
    at(ServiceFactory(partnership=area, name="Near"), 53.8690, -1.9100)

    assert names(search(client, area, near=lsoa_key)) == ["Near", "Far"]


def test_the_page_says_distance_is_not_from_a_postcode(client, area):
    response = client.get(reverse("local_offer", kwargs={"slug": area.slug}))

    assert "not from your home" in response.content.decode()


def test_illustrative_services_are_labelled(client, area):
    ServiceFactory(partnership=area, illustrative=True)

    response = client.get(reverse("local_offer_handout", kwargs={"slug": area.slug}))

    assert "A made-up demonstration service" in response.content.decode()


def test_the_handout_keeps_the_search(client, area):
    ServiceFactory(partnership=area, name="Free", is_free=True)
    ServiceFactory(partnership=area, name="Paid", is_free=False)

    response = client.get(
        reverse("local_offer_handout", kwargs={"slug": area.slug}), {"cost": "paid"}
    )

    assert names(response) == ["Paid"]


def test_a_private_partnership_has_no_directory(client):
    partnership = PartnershipFactory(is_public=False)

    response = client.get(reverse("local_offer", kwargs={"slug": partnership.slug}))

    assert response.status_code == 404


@pytest.mark.parametrize("size", [3, 30])
def test_the_search_costs_the_same_queries_at_any_size(
    client, area, django_assert_max_num_queries, size
):
    term = TaxonomyTermFactory(code="oral-health")
    for _ in range(size):
        service = at(ServiceFactory(partnership=area), 53.87, -1.91)
        service.terms.add(term)
        ScheduleFactory(service=service)
        LanguageFactory(service=service)

    with django_assert_max_num_queries(19):
        client.get(
            reverse("local_offer", kwargs={"slug": area.slug}),
            {"need": "oral-health", "near": "school:107300"},
        )


def test_results_come_twenty_to_a_page_nearest_first(client, area):
    for n in range(25):
        at(ServiceFactory(partnership=area, name=f"Service {n:02d}"), 53.868 + n / 1000, -1.905)

    response = client.get(
        reverse("local_offer", kwargs={"slug": area.slug}), {"near": "school:107300", "page": 2}
    )

    assert names(response) == [f"Service {n:02d}" for n in range(20, 25)]
