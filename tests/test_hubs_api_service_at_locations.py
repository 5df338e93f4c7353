"""ORUK's service_at_locations in the API and the export (each answer and file validated
against the shipped schemas), and the per-address rate limit of the public ORUK API."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from actlocally.hubs import exports, oruk
from tests.factories_hubs import ServiceAtLocationFactory, ServiceFactory, full_service

pytestmark = pytest.mark.django_db


def get(client, name, path, **params):
    kwargs = params.pop("kwargs", None)
    response = client.get(reverse(f"oruk:{name}", kwargs=kwargs), params)
    assert response.status_code == 200, response.content
    document = response.json()
    assert oruk.response_errors(path, document) == []
    return document


def test_the_list_pages_services_at_their_locations(client):
    for _ in range(3):
        ServiceAtLocationFactory()

    document = get(client, "service_at_locations", "/service_at_locations", per_page=2, page=2)

    assert (document["total_items"], document["size"]) == (3, 1)


def test_the_list_names_the_service_and_location_of_each(client):
    at = ServiceAtLocationFactory()

    item = get(client, "service_at_locations", "/service_at_locations")["contents"][0]

    assert (item["service"]["name"], item["location"]["name"]) == (
        at.service.name,
        at.location.name,
    )


def test_the_list_leaves_out_unpublished_services(client):
    ServiceAtLocationFactory(service=ServiceFactory(published=False))

    assert get(client, "service_at_locations", "/service_at_locations")["total_items"] == 0


def test_the_list_filters_by_text(client):
    ServiceAtLocationFactory(service=ServiceFactory(name="Tooth brushing club"))
    ServiceAtLocationFactory(service=ServiceFactory(name="Healthy Minds"))

    document = get(client, "service_at_locations", "/service_at_locations", search="tooth")

    assert [c["service"]["name"] for c in document["contents"]] == ["Tooth brushing club"]


def test_a_bad_taxonomy_term_id_is_a_400_naming_it(client):
    response = client.get(reverse("oruk:service_at_locations"), {"taxonomy_term_id": "x"})

    assert (response.status_code, list(response.json())) == (400, ["taxonomy_term_id"])


def test_one_service_at_location_is_the_nested_service_narrowed_to_it(client):
    service = full_service()
    other = ServiceAtLocationFactory(service=service)

    document = get(
        client,
        "service_at_location",
        "/service_at_locations/{id}",
        kwargs={"pk": other.oruk_id},
    )

    assert [at["id"] for at in document["service_at_locations"]] == [str(other.oruk_id)]


def test_an_unpublished_service_at_location_is_not_found(client):
    at = ServiceAtLocationFactory(service=ServiceFactory(published=False))

    response = client.get(reverse("oruk:service_at_location", kwargs={"pk": at.oruk_id}))

    assert response.status_code == 404


def test_the_list_costs_the_same_queries_for_more_rows(client, django_assert_max_num_queries):
    for _ in range(30):
        ServiceAtLocationFactory()

    with django_assert_max_num_queries(2):
        client.get(reverse("oruk:service_at_locations"), {"per_page": 30})


def test_the_export_writes_each_service_at_location_valid():
    service = full_service()
    ServiceAtLocationFactory(service=service)

    documents = exports.export_service_at_locations(service.partnership)

    assert len(documents) == 2
    assert all(oruk.errors_in(d, "compiled/service_at_location") == [] for d in documents)


def test_the_export_leaves_out_unpublished_services():
    at = ServiceAtLocationFactory(service=ServiceFactory(published=False))

    assert exports.export_service_at_locations(at.service.partnership) == []


def test_the_api_refuses_an_address_over_its_limit_with_a_json_429(client, settings):
    settings.ORUK_API_RATE = "3/minute"
    cache.clear()
    for _ in range(3):
        assert client.get(reverse("oruk:services")).status_code == 200

    response = client.get(reverse("oruk:services"))

    assert response.status_code == 429
    assert "detail" in response.json() and response["Retry-After"]


def test_the_limit_is_per_address(client, settings):
    settings.ORUK_API_RATE = "1/minute"
    cache.clear()
    client.get(reverse("oruk:root"), REMOTE_ADDR="192.0.2.1")

    response = client.get(reverse("oruk:root"), REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 200


def test_a_forwarded_for_header_does_not_dodge_the_limit(client, settings):
    settings.ORUK_API_RATE = "1/minute"
    cache.clear()
    client.get(reverse("oruk:root"), HTTP_X_FORWARDED_FOR="198.51.100.1")

    response = client.get(reverse("oruk:root"), HTTP_X_FORWARDED_FOR="198.51.100.2")

    assert response.status_code == 429
