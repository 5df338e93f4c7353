"""The public ORUK API: every answer validates against the shipped OpenAPI, lists are paged
and filtered as ORUK says, only published services show, and the query count stays fixed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from actlocally.hubs import oruk
from actlocally.hubs.models import Service
from tests.factories_hubs import ServiceFactory, TaxonomyTermFactory, full_service

pytestmark = pytest.mark.django_db


def get(client, name, path, **params):
    """GET an ORUK address; the answer must validate against `path` in the shipped OpenAPI."""
    kwargs = params.pop("kwargs", None)
    response = client.get(reverse(f"oruk:{name}", kwargs=kwargs), params)
    assert response.status_code == 200, response.content
    document = response.json()
    assert oruk.response_errors(path, document) == []
    return document


def test_the_root_gives_the_version_and_profile(client):
    document = get(client, "root", "/")

    assert (document["version"], document["profile"]) == (oruk.VERSION, oruk.PROFILE)


def test_the_root_points_to_the_openapi_it_serves(client):
    document = get(client, "root", "/")

    assert client.get(document["openapi_url"]).json()["info"]["version"] == "3.0"


def test_services_are_paged(client):
    ServiceFactory.create_batch(5)

    document = get(client, "services", "/services", page=2, per_page=2)

    assert {k: document[k] for k in ("total_items", "total_pages", "page_number", "size")} == {
        "total_items": 5,
        "total_pages": 3,
        "page_number": 2,
        "size": 2,
    }


def test_a_client_paging_through_sees_every_service_once(client):
    services = ServiceFactory.create_batch(7)
    seen, page = [], 1
    while True:
        document = get(client, "services", "/services", page=page, per_page=3)
        seen += [item["id"] for item in document["contents"]]
        if document["last_page"]:
            break
        page += 1

    assert sorted(seen) == sorted(str(s.oruk_id) for s in services)


def test_unpublished_services_are_not_listed(client):
    ServiceFactory(published=False)

    assert get(client, "services", "/services")["total_items"] == 0


def test_an_unpublished_service_is_not_found(client):
    service = ServiceFactory(published=False)

    response = client.get(reverse("oruk:service", kwargs={"pk": service.oruk_id}))

    assert response.status_code == 404


def test_a_service_comes_whole(client):
    service = full_service()

    document = get(client, "service", "/services/{id}", kwargs={"pk": service.oruk_id})

    assert [len(document[k]) for k in ("service_at_locations", "schedules", "contacts")] == [
        1,
        1,
        1,
    ]


def test_services_filter_by_text(client):
    ServiceFactory(name="Supervised tooth brushing")
    ServiceFactory(name="Healthy Minds")

    document = get(client, "services", "/services", text="tooth")

    assert [item["name"] for item in document["contents"]] == ["Supervised tooth brushing"]


def test_services_filter_by_taxonomy_term(client):
    term = TaxonomyTermFactory()
    ServiceFactory(name="Tagged").terms.add(term)
    ServiceFactory(name="Other")

    document = get(client, "services", "/services", taxonomy_term_id=str(term.oruk_id))

    assert [item["name"] for item in document["contents"]] == ["Tagged"]


def test_services_filter_by_modified_after(client):
    old = ServiceFactory(name="Old")
    Service.objects.filter(pk=old.pk).update(modified_at=timezone.now() - datetime.timedelta(30))
    ServiceFactory(name="New")
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()

    document = get(client, "services", "/services", modified_after=since)

    assert [item["name"] for item in document["contents"]] == ["New"]


def test_taxonomies_and_terms_validate(client):
    term = TaxonomyTermFactory()

    taxonomies = get(client, "taxonomies", "/taxonomies")
    terms = get(client, "taxonomy_terms", "/taxonomy_terms")

    assert (taxonomies["contents"][0]["id"], terms["contents"][0]["id"]) == (
        str(term.taxonomy.oruk_id),
        str(term.oruk_id),
    )


def test_a_taxonomy_term_by_its_id_validates(client):
    term = TaxonomyTermFactory()

    document = get(client, "taxonomy_term", "/taxonomy_terms/{id}", kwargs={"pk": term.oruk_id})

    assert document["name"] == term.name


def test_a_bad_page_number_is_a_400(client):
    response = client.get(reverse("oruk:services"), {"page": "0"})

    assert response.status_code == 400


@pytest.mark.parametrize("size", [3, 30])
def test_the_services_page_costs_the_same_queries_at_any_size(
    client, django_assert_max_num_queries, size
):
    ServiceFactory.create_batch(size)

    with django_assert_max_num_queries(2):
        client.get(reverse("oruk:services"), {"per_page": 50})


@pytest.mark.parametrize("parts", [1, 6])
def test_a_service_costs_the_same_queries_however_many_parts(
    client, django_assert_max_num_queries, parts
):
    service = full_service()
    for _ in range(parts):
        full_service(partnership=service.partnership).service_at_locations.update(service=service)

    with django_assert_max_num_queries(6):
        client.get(reverse("oruk:service", kwargs={"pk": service.oruk_id}))
