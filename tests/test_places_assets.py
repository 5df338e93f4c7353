"""Mapping assets from the page: a position must be in the partnership's local authority, only
the area's LSOAs are offered, assets can be changed and removed, evidence never overwrites a
person's note on the journey step, and "assets mapped" / "action plan developed" tick only when
there is enough."""

import datetime
import json

import pytest
from django.urls import reverse

from actlocally.actions import services as actions
from actlocally.journey.models import Step, StepProgress
from actlocally.journey.services import update_step
from actlocally.places import services
from actlocally.places.models import Asset
from tests import factories
from tests.pageforms import page_form, submit

# A square of Keighley (about 53.86-53.88 N, 1.92-1.90 W) and one of Holme Wood.
KEIGHLEY = {
    "type": "Polygon",
    "coordinates": [
        [[-1.92, 53.86], [-1.90, 53.86], [-1.90, 53.88], [-1.92, 53.88], [-1.92, 53.86]]
    ],
}
HOLME_WOOD = {
    "type": "Polygon",
    "coordinates": [
        [[-1.72, 53.76], [-1.70, 53.76], [-1.70, 53.78], [-1.72, 53.78], [-1.72, 53.76]]
    ],
}
LONDON = ("51.5074", "-0.1278")


@pytest.fixture
def area(world):
    inside = factories.LsoaFactory(
        name="Keighley Central 001", geometry=json.dumps(KEIGHLEY), latitude=53.87, longitude=-1.91
    )
    elsewhere = factories.LsoaFactory(
        name="Holme Wood 001", geometry=json.dumps(HOLME_WOOD), latitude=53.77, longitude=-1.71
    )
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=[inside], method="map", by=None
    )
    return inside, elsewhere


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.people["coordinator"])
    return client


def new_asset_form(client, **values):
    response = client.get(reverse("asset_new", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="name")
    form.choose("kind", values.pop("kind", "Community group"))
    for name, value in values.items():
        form.set(name, value)
    return response, form


def test_a_position_outside_the_local_authority_is_refused(coordinator, area):
    response, form = new_asset_form(
        coordinator, name="Food bank", latitude=LONDON[0], longitude=LONDON[1]
    )
    answer = submit(coordinator, response, form)
    assert "That position is outside Bradford" in answer.content.decode()
    assert not Asset.objects.exists()


def test_a_position_in_the_local_authority_is_accepted_with_its_lsoa(coordinator, area):
    response, form = new_asset_form(
        coordinator, name="Food bank", latitude="53.87", longitude="-1.91"
    )
    assert submit(coordinator, response, form).status_code == 302
    assert Asset.objects.get().lsoa == area[0]


def test_only_the_areas_lsoas_are_offered(coordinator, area):
    inside, _elsewhere = area
    _response, form = new_asset_form(coordinator, name="Food bank")
    assert form.options["lsoa"] == ["", str(inside.pk)]


def test_an_lsoa_outside_the_area_is_refused(world, area):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="LSOAs in the area of focus"):
        services.add_asset(
            partnership=world.keighley, kind="group", name="X", lsoa=area[1], by=None
        )


def test_an_asset_can_be_changed_from_the_asset_page(coordinator, area):
    asset = factories.AssetFactory(partnership=area[0].focus_areas.get().partnership, name="Hal")
    page = coordinator.get(reverse("area_assets", kwargs={"slug": "keighley"})).content.decode()
    edit = reverse("asset_edit", kwargs={"slug": "keighley", "pk": asset.pk})
    assert f'href="{edit}"' in page
    response = coordinator.get(edit)
    form = page_form(response, with_field="name").set("name", "Community hall")
    assert submit(coordinator, response, form).status_code == 302
    asset.refresh_from_db()
    assert asset.name == "Community hall"


def test_an_asset_can_be_removed_from_the_asset_page(coordinator, area):
    asset = factories.AssetFactory(partnership=area[0].focus_areas.get().partnership)
    page = coordinator.get(reverse("area_assets", kwargs={"slug": "keighley"})).content.decode()
    remove = reverse("asset_remove", kwargs={"slug": "keighley", "pk": asset.pk})
    assert f'href="{remove}"' in page
    response = coordinator.get(remove)
    assert submit(coordinator, response, page_form(response, index=-1)).status_code == 302
    assert not Asset.objects.filter(pk=asset.pk).exists()


def test_a_member_sees_no_change_links(client, world):
    factories.AssetFactory(partnership=world.keighley)
    client.force_login(world.people["member"])
    page = client.get(reverse("area_assets", kwargs={"slug": "keighley"})).content.decode()
    assert "/remove/" not in page


def test_evidence_keeps_a_persons_note_and_evidence(world):
    step = Step.objects.get(key="map-assets-and-allies")
    update_step(
        partnership=world.keighley,
        step=step,
        status="in_progress",
        on=datetime.date(2025, 1, 10),
        note="Walked the estate with the PCSO.",
        evidence_label="Walkabout notes",
        evidence_url="",
        by=world.people["coordinator"],
    )
    services.add_asset(partnership=world.keighley, kind="group", name="Parents' group", by=None)
    progress = StepProgress.objects.get(partnership=world.keighley, step=step)
    assert (progress.note, progress.evidence_label, progress.platform_evidence_label) == (
        "Walked the estate with the PCSO.",
        "Walkabout notes",
        "Asset map: 1 asset of 1 kind",
    )


def _add(world, *kinds):
    for n, kind in enumerate(kinds):
        services.add_asset(partnership=world.keighley, kind=kind, name=f"Asset {n}", by=None)
    return StepProgress.objects.get(partnership=world.keighley, step__key="map-assets-and-allies")


@pytest.mark.parametrize(
    ("kinds", "status"),
    [
        (["group"], "in_progress"),
        (["group", "venue", "group", "venue"], "in_progress"),
        (["group"] * 5, "in_progress"),
        (["group", "group", "group", "venue", "service"], "done"),
    ],
)
def test_assets_mapped_needs_five_assets_of_two_kinds(world, kinds, status):
    assert _add(world, *kinds).status == status


def _plan(world, n, **fields):
    for i in range(n):
        actions.create_action(
            partnership=world.keighley,
            title=f"Action {i}",
            by=world.people["coordinator"],
            **fields,
        )
    return StepProgress.objects.get(partnership=world.keighley, step__key="develop-action-plan")


def test_one_action_does_not_develop_the_action_plan(world):
    progress = _plan(world, 1, owner=world.people["member"], due_on=datetime.date(2026, 7, 1))
    assert progress.status == "in_progress"


def test_actions_without_due_dates_do_not_count(world):
    assert _plan(world, 3, owner=world.people["member"]).status == "in_progress"


def test_three_actions_with_owners_and_due_dates_develop_the_action_plan(world):
    progress = _plan(world, 3, owner=world.people["member"], due_on=datetime.date(2026, 7, 1))
    assert progress.status == "done"


def test_the_journey_page_says_when_a_step_ticks_itself(client, world):
    client.force_login(world.people["member"])
    page = client.get(reverse("journey", kwargs={"slug": "keighley"})).content.decode()
    assert "Ticks itself when: At least 5 assets of at least 2 kinds are mapped" in page
    assert "at least 3 actions, each with an owner and a due date" in page
