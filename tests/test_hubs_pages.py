"""The local offer's pages: the hub lead adds and publishes a service, a provider keeps its
own service up to date, and forms refuse what they should (posted as the page offers them)."""

import pytest
from django.urls import reverse

from actlocally.hubs.models import Service
from actlocally.organisations.models import Affiliation
from tests.factories_hubs import LocationFactory, ServiceFactory, TaxonomyTermFactory
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def new_service_page(client, world):
    return client.get(reverse("hubs_service_new", kwargs={"slug": world.keighley.slug}))


def test_the_hub_lead_adds_a_service_unpublished(client, world):
    TaxonomyTermFactory(name="Oral health")
    location = LocationFactory(partnership=world.keighley, name="Keighley Central Primary")
    client.force_login(world.people["hub_lead"])
    page = new_service_page(client, world)
    form = page_form(page, with_field="name")
    form.set("name", "Supervised tooth brushing")
    form.set("description", "Children brush their teeth at school each day.")
    form.choose("terms", "Oral health")
    form.choose("location", location.name)
    form.set("languages", "English, Urdu")

    submit(client, page, form)

    service = Service.objects.get()
    assert (service.name, service.published, sorted(map(str, service.languages.all()))) == (
        "Supervised tooth brushing",
        False,
        ["English", "Urdu"],
    )


def test_ages_out_of_order_are_refused(client, world):
    client.force_login(world.people["coordinator"])
    page = new_service_page(client, world)
    form = page_form(page, with_field="name").set("name", "Teen drop-in").set("minimum_age", "16")
    form.set("maximum_age", "11")

    response = submit(client, page, form)

    assert "must be the same or above" in response.content.decode()


def test_the_hub_lead_publishes_a_service(client, world):
    service = ServiceFactory(partnership=world.keighley, published=False)
    client.force_login(world.people["hub_lead"])
    page = client.get(reverse("hubs_services", kwargs={"slug": world.keighley.slug}))

    submit(client, page, page_form(page, with_field="published"))

    service.refresh_from_db()
    assert service.published


def test_a_member_cannot_publish(client, world):
    service = ServiceFactory(partnership=world.keighley, published=False)
    client.force_login(world.people["member"])
    url = reverse("hubs_service_publish", kwargs={"slug": world.keighley.slug, "pk": service.pk})

    response = client.post(url, {"published": "yes"})

    assert response.status_code == 403


def test_a_provider_changes_its_own_service(client, world):
    service = ServiceFactory(partnership=world.keighley, name="Healthy Start")
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=service.organisation)
    client.force_login(person)
    url = reverse("hubs_service_edit", kwargs={"slug": world.keighley.slug, "pk": service.pk})
    page = client.get(url)

    submit(client, page, page_form(page, with_field="name").set("fees", "Free with vouchers"))

    service.refresh_from_db()
    assert service.fees == "Free with vouchers"


def test_a_provider_sees_no_publish_button(client, world):
    service = ServiceFactory(partnership=world.keighley)
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=service.organisation)
    client.force_login(person)

    page = client.get(reverse("hubs_services", kwargs={"slug": world.keighley.slug}))

    assert "Unpublish" not in page.content.decode()


def test_a_provider_cannot_hand_its_service_to_another_organisation(client, world):
    service = ServiceFactory(partnership=world.keighley)
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=service.organisation)
    client.force_login(person)
    url = reverse("hubs_service_edit", kwargs={"slug": world.keighley.slug, "pk": service.pk})

    form = page_form(client.get(url), with_field="name")

    assert "organisation" not in form.fields


def test_the_hub_lead_names_the_provider(client, world):
    client.force_login(world.people["hub_lead"])
    page = new_service_page(client, world)
    form = page_form(page, with_field="name").set("name", "Healthy Start help")
    form.choose("organisation", world.keighley.backbone.name)

    submit(client, page, form)

    assert Service.objects.get().organisation == world.keighley.backbone
