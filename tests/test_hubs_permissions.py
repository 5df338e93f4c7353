"""Who manages the local offer: the co-ordinator and the hub lead any service of their
partnership; someone working for a service's provider only that service."""

import pytest

from actlocally.authorization.checks import has_permission
from actlocally.organisations.models import Affiliation
from tests.factories_hubs import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("coordinator", True), ("hub_lead", True), ("member", False), ("observer", False)],
)
def test_who_manages_the_partnerships_services(world, role, allowed):
    assert has_permission(world.people[role], "hubs.manage_services", world.keighley) is allowed


def test_the_hub_lead_of_another_partnership_does_not(world):
    assert not has_permission(
        world.people["hub_lead"], "hubs.manage_services", world.leeds_partnership
    )


def test_someone_at_the_provider_updates_its_service(world):
    service = ServiceFactory(partnership=world.keighley)
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=service.organisation)

    assert has_permission(person, "hubs.update_service", service)


def test_someone_at_the_provider_does_not_update_another_providers_service(world):
    service = ServiceFactory(partnership=world.keighley)
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=ServiceFactory().organisation)

    assert not has_permission(person, "hubs.update_service", service)


def test_a_provider_does_not_manage_the_whole_offer(world):
    service = ServiceFactory(partnership=world.keighley)
    person = world.people["member"]
    Affiliation.objects.create(person=person, organisation=service.organisation)

    assert not has_permission(person, "hubs.manage_services", world.keighley)
