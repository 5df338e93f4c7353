"""Which deprivation release a page shows, and why; a partnership chooses the release it quotes
on its area page and in its Statement of Intent."""

import pytest
from django.urls import reverse

from actlocally.places import services
from actlocally.places.models import FocusArea
from actlocally.places.selectors import area_evidence, area_facts
from tests import factories
from tests.pageforms import page_form, submit


@pytest.fixture
def two_releases(world):
    old = factories.ReleaseFactory(key="IoD2019", year=2019)
    new = factories.ReleaseFactory(key="IoD2025", year=2025)
    ward = factories.WardFactory(name="Keighley Central")
    lsoas = [factories.LsoaFactory(ward=ward) for _ in range(2)]
    for lsoa in lsoas:
        factories.DeprivationFactory(release=old, lsoa=lsoa, imd_decile=1)
        factories.DeprivationFactory(release=new, lsoa=lsoa, imd_decile=3)
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=lsoas, method="map", by=None
    )
    return old, new


def test_places_says_it_shows_the_newest_release_and_why(client, world, two_releases):
    client.force_login(world.people["member"])
    body = client.get(reverse("places_ranking", kwargs={"la": "E08000032"})).content.decode()
    assert "IoD2025: the newest release loaded" in body
    assert '<option value="IoD2019"' in body


def test_places_says_a_chosen_release_was_chosen(client, world, two_releases):
    client.force_login(world.people["member"])
    body = client.get(
        reverse("places_map", kwargs={"la": "E08000032"}) + "?release=IoD2019"
    ).content.decode()
    assert "IoD2019, as chosen." in body


def test_coordinator_chooses_the_release_the_partnership_quotes(client, world, two_releases):
    client.force_login(world.people["coordinator"])
    area_page = client.get(reverse("area_profile", kwargs={"slug": "keighley"}))
    assert reverse("area_release", kwargs={"slug": "keighley"}) in area_page.content.decode()
    response = client.get(reverse("area_release", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="release").set("release", "IoD2019")
    assert submit(client, response, form).status_code == 302
    assert FocusArea.objects.get(partnership=world.keighley).release == two_releases[0]


def test_the_area_page_shows_the_quoted_release_and_says_so(client, world, two_releases):
    services.set_quoted_release(partnership=world.keighley, release=two_releases[0], by=None)
    client.force_login(world.people["member"])
    response = client.get(reverse("area_profile", kwargs={"slug": "keighley"}))
    assert response.context["release"] == two_releases[0]
    assert "the release this partnership quotes" in response.content.decode()


def test_statement_facts_come_from_the_quoted_release(world, two_releases):
    services.set_quoted_release(partnership=world.keighley, release=two_releases[0], by=None)
    facts = area_facts(world.keighley)
    assert facts[0]["text"].startswith("100% of the area's LSOAs")
    assert "IoD2019" in facts[0]["source"]
    assert "IoD2019" in area_evidence(world.keighley)["chart"]["source"]


def test_without_a_choice_the_partnership_quotes_the_newest(world, two_releases):
    assert "IoD2025" in area_facts(world.keighley)[0]["source"]


def test_a_member_cannot_choose_the_release(client, world, two_releases):
    client.force_login(world.people["member"])
    response = client.post(
        reverse("area_release", kwargs={"slug": "keighley"}), {"release": "IoD2019"}
    )
    assert response.status_code == 403
    assert FocusArea.objects.get(partnership=world.keighley).release is None
