"""Co-ordinators and backbone staff edit the organisations of their own local authority only."""

import pytest
from django.urls import reverse

from actlocally.organisations.models import Organisation

from .factories import OrganisationFactory
from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db


def edit_url(organisation):
    return reverse("organisations:edit", kwargs={"pk": organisation.pk})


def leeds_backbone(world):
    return world.leeds.board.backbone


def test_bradford_coordinator_cannot_open_a_leeds_organisation(client, world):
    client.force_login(world.people["coordinator"])
    assert client.get(edit_url(leeds_backbone(world))).status_code == 403


def test_bradford_coordinator_cannot_rename_a_leeds_organisation(client, world):
    leeds = leeds_backbone(world)
    # The form exactly as Leeds's own co-ordinator sees it, sent by Bradford's.
    client.force_login(world.outsider)
    response = client.get(edit_url(leeds))
    form = page_form(response, with_field="name").set("name", "Renamed by Bradford")
    client.force_login(world.people["coordinator"])
    assert submit(client, response, form).status_code == 403
    leeds.refresh_from_db()
    assert leeds.name != "Renamed by Bradford"


def test_bradford_backbone_staff_cannot_rename_a_leeds_organisation(client, world):
    client.force_login(world.people["backbone"])
    assert client.get(edit_url(leeds_backbone(world))).status_code == 403


def test_leeds_coordinator_edits_their_own_backbone(client, world):
    client.force_login(world.outsider)
    response = client.get(edit_url(leeds_backbone(world)))
    submit(client, response, page_form(response, with_field="name").set("name", "Leeds Backbone"))
    assert Organisation.objects.filter(name="Leeds Backbone").exists()


def test_bradford_coordinator_edits_a_partner_in_their_authority(client, world):
    partner = OrganisationFactory()
    world.holme_wood.partner_organisations.add(partner)
    client.force_login(world.people["coordinator"])
    response = client.get(edit_url(partner))
    submit(client, response, page_form(response, with_field="name").set("name", "Holme Wood Trust"))
    partner.refresh_from_db()
    assert partner.name == "Holme Wood Trust"


def test_leeds_organisation_page_offers_bradford_no_change_link(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("organisations:detail", kwargs={"pk": leeds_backbone(world).pk}))
    assert edit_url(leeds_backbone(world)) not in response.content.decode()


def test_site_staff_edit_any_organisation(client, world):
    client.force_login(world.people["staff"])
    assert client.get(edit_url(leeds_backbone(world))).status_code == 200
