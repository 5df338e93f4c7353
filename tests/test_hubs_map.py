"""The directory's results on the area's map: the same services as the list (same filters),
as GeoJSON points whose names the map sets as text."""

import pytest
from django.urls import reverse

from tests.factories_hubs import ServiceAtLocationFactory, ServiceFactory, TaxonomyTermFactory

pytestmark = pytest.mark.django_db


def geojson(client, world, **params):
    response = client.get(
        reverse("local_offer_geojson", kwargs={"slug": world.keighley.slug}), params
    )
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


def test_each_result_with_a_place_is_a_point(client, world):
    at = ServiceAtLocationFactory(
        service=ServiceFactory(partnership=world.keighley, name="Tooth club")
    )

    [feature] = geojson(client, world)["features"]

    assert feature["geometry"]["coordinates"] == [at.location.longitude, at.location.latitude]
    assert feature["properties"] == {
        "kind": "service",
        "name": "Tooth club",
        "detail": at.location.name,
    }


def test_the_map_follows_the_searchs_filters(client, world):
    oral = TaxonomyTermFactory(code="oral-health")
    wanted = ServiceAtLocationFactory(service=ServiceFactory(partnership=world.keighley))
    wanted.service.terms.add(oral)
    ServiceAtLocationFactory(service=ServiceFactory(partnership=world.keighley))

    features = geojson(client, world, need="oral-health")["features"]

    assert [f["properties"]["name"] for f in features] == [wanted.service.name]


def test_a_name_with_markup_stays_data(client, world):
    ServiceAtLocationFactory(
        service=ServiceFactory(partnership=world.keighley, name="<img src=x onerror=alert(1)>")
    )

    [feature] = geojson(client, world)["features"]

    assert feature["properties"]["name"] == "<img src=x onerror=alert(1)>"


def test_unpublished_services_are_not_on_the_map(client, world):
    ServiceAtLocationFactory(service=ServiceFactory(partnership=world.keighley, published=False))

    assert geojson(client, world)["features"] == []


def test_the_directory_page_draws_the_map_when_there_are_results(client, world):
    ServiceAtLocationFactory(service=ServiceFactory(partnership=world.keighley))

    text = client.get(reverse("local_offer", kwargs={"slug": world.keighley.slug})).content.decode()

    assert 'class="app-map"' in text and "places/map.js" in text
