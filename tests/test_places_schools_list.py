"""The suggestions page says what the schools list is, where to get it, its licence and how to
load it; the Bradford demo maps the schools its source material names, without URNs."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actlocally.places.models import Asset, School
from tests import factories

pytestmark = pytest.mark.django_db

GIAS_DOWNLOADS = "https://get-information-schools.service.gov.uk/Downloads"


@pytest.fixture
def suggestions(world):
    release = factories.ReleaseFactory()
    ward = factories.WardFactory(name="Keighley Central")
    first, second = (factories.LsoaFactory(ward=ward) for _ in range(2))
    for lsoa in (first, second):
        factories.DeprivationFactory(release=release, lsoa=lsoa, imd_decile=1)
    first.neighbours.add(second)
    return reverse("places_suggestions", kwargs={"la": "E08000032"})


def test_suggestions_say_what_the_schools_list_is_and_where_to_get_it(client, world, suggestions):
    client.force_login(world.people["observer"])
    page = client.get(suggestions).content.decode()
    assert all(
        text in page
        for text in (
            "Department for Education",
            "Get Information About Schools",
            GIAS_DOWNLOADS,
            "Establishment fields",
            "EstablishmentName",
        )
    )


def test_suggestions_give_the_schools_lists_licence(client, world, suggestions):
    client.force_login(world.people["observer"])
    assert "Open Government Licence v3.0" in client.get(suggestions).content.decode()


def test_suggestions_link_to_the_upload_for_who_may_upload(client, world, suggestions):
    client.force_login(world.people["backbone"])
    assert reverse("places_upload") in client.get(suggestions).content.decode()


def test_suggestions_tell_others_who_can_upload(client, world, suggestions):
    client.force_login(world.people["observer"])
    page = client.get(suggestions).content.decode()
    assert reverse("places_upload") not in page and "Ask your backbone organisation" in page


def test_suggestions_no_longer_send_people_to_an_unexplained_gias_file(client, world, suggestions):
    client.force_login(world.people["observer"])
    assert "load a GIAS schools file" not in client.get(suggestions).content.decode()


def test_demo_maps_the_schools_its_source_names_without_urns(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    named = set(
        Asset.objects.filter(
            partnership__slug="manningham-girlington", kind=Asset.Kind.SCHOOL
        ).values_list("name", flat=True)
    )
    assert (
        named == {"Dixons Allerton Academy", "Oastlers School"}
        and not School.objects.filter(urn__isnull=False).exists()
    )


def test_asset_map_links_to_how_to_load_the_schools_list(client, world):
    client.force_login(world.people["observer"])
    page = client.get(reverse("area_assets", kwargs={"slug": "keighley"})).content.decode()
    assert reverse("places_suggestions", kwargs={"la": "E08000032"}) + "#schools-list" in page
