"""The places pages with data loaded: ranking, CSV, map data, suggestions, area definition,
area profile and asset map; journey steps ticked by evidence; query counts that do not grow."""

import pytest
from django.urls import reverse

from actlocally.journey.models import StepProgress
from actlocally.journey.services import sync_blueprint
from actlocally.places import services
from actlocally.places.selectors import area_facts
from tests import factories


@pytest.fixture
def loaded(world):
    release = factories.ReleaseFactory()
    ward = factories.WardFactory(name="Keighley Central")
    lsoas = [factories.LsoaFactory(ward=ward) for _ in range(4)]
    for n, lsoa in enumerate(lsoas):
        factories.DeprivationFactory(release=release, lsoa=lsoa, imd_decile=1 if n < 3 else 5)
    return release, ward, lsoas


def test_ranking_page_lists_wards(client, world, loaded):
    client.force_login(world.people["observer"])
    response = client.get(reverse("places_ranking", kwargs={"la": "E08000032"}))
    assert "Keighley Central" in response.content.decode()


def test_ranking_csv_download(client, world, loaded):
    client.force_login(world.people["observer"])
    response = client.get(reverse("places_ranking", kwargs={"la": "E08000032"}) + "?format=csv")
    assert response["Content-Type"].startswith("text/csv")


def test_suggestions_page_shows_a_cluster(client, world, loaded):
    _release, _ward, lsoas = loaded
    lsoas[0].neighbours.add(lsoas[1])
    client.force_login(world.people["observer"])
    response = client.get(reverse("places_suggestions", kwargs={"la": "E08000032"}))
    assert "Keighley Central" in response.content.decode()


def test_area_defined_by_ward_from_the_page(client, world, loaded):
    _release, ward, _lsoas = loaded
    client.force_login(world.people["coordinator"])
    r = client.post(
        reverse("area_define", kwargs={"slug": "keighley"}),
        {"method": "wards", "w-wards": [ward.code], "w-how_chosen": "The ward."},
    )
    assert r.status_code == 302
    from actlocally.places.models import FocusArea

    assert FocusArea.objects.get(partnership=world.keighley).lsoas.count() == 4


def test_area_facts_give_share_in_most_deprived_decile(world, loaded):
    _release, _ward, lsoas = loaded
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=lsoas, method="map", by=None
    )
    assert area_facts(world.keighley)[0]["text"].startswith("75% of the area's LSOAs")


def test_setting_the_area_ticks_the_journey_step(world, loaded):
    sync_blueprint()
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=loaded[2], method="map", by=None
    )
    assert (
        StepProgress.objects.get(
            partnership=world.keighley, step__key="identify-area-of-focus"
        ).status
        == "done"
    )


def test_adding_the_first_asset_starts_the_journey_step(world):
    # One asset is a start, not a map: tests/test_places_assets.py has the rule for done.
    sync_blueprint()
    services.add_asset(partnership=world.keighley, kind="group", name="Parents' group", by=None)
    assert (
        StepProgress.objects.get(
            partnership=world.keighley, step__key="map-assets-and-allies"
        ).status
        == "in_progress"
    )


def test_asset_added_from_the_page_appears_on_the_asset_map(client, world):
    client.force_login(world.people["coordinator"])
    client.post(
        reverse("asset_new", kwargs={"slug": "keighley"}),
        {"kind": "venue", "name": "Community hall", "latitude": "53.87", "longitude": "-1.91"},
    )
    response = client.get(reverse("area_assets", kwargs={"slug": "keighley"}))
    assert "Community hall" in response.content.decode()


def test_asset_map_says_the_school_list_is_partial(client, world):
    client.force_login(world.people["observer"])
    response = client.get(reverse("area_assets", kwargs={"slug": "keighley"}))
    assert "This list is partial" in response.content.decode()


def test_asset_location_outside_the_uk_is_refused(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.add_asset(
            partnership=world.keighley, kind="group", name="X", latitude=10, longitude=10, by=None
        )


def test_upload_page_reports_rows_to_fix(client, world, django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(world.people["research_partner"])
    bad = b"LSOA code (2011),Index of Multiple Deprivation (IMD) Rank,Index of Multiple Deprivation (IMD) Decile\nE01000001,x,1\n"
    # The upload runs as a background job; its page reports the rows to fix.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("places_upload"),
            {
                "kind": "deprivation",
                "release": "IoD2019",
                "geography": "lsoa11",
                "files": SimpleUploadedFile("f1.csv", bad),
            },
        )
    assert "is not a whole number" in client.get(response.url).content.decode()


def _grow(release, ward, n):
    for _ in range(n):
        lsoa = factories.LsoaFactory(ward=ward)
        factories.DeprivationFactory(release=release, lsoa=lsoa)
        factories.PlacesSchoolFactory(lsoa_code=lsoa.code)


@pytest.mark.parametrize("name", ["places_ranking", "area_profile"])
def test_page_queries_do_not_grow_with_lsoas(
    client, world, loaded, name, django_assert_max_num_queries
):
    release, ward, lsoas = loaded
    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=lsoas, method="map", by=None
    )
    kwargs = {"la": "E08000032"} if name == "places_ranking" else {"slug": "keighley"}
    url = reverse(name, kwargs=kwargs)
    client.force_login(world.people["coordinator"])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _grow(release, ward, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url)


def test_an_individual_is_not_named_without_their_agreement(world):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.add_asset(partnership=world.keighley, kind="person", name="A Volunteer", by=None)
    assert "person_agreed" in error.value.error_dict


def test_an_individual_who_agreed_is_named(world):
    asset = services.add_asset(
        partnership=world.keighley, kind="person", name="A Volunteer", person_agreed=True, by=None
    )
    assert asset.person_agreed


def test_database_refuses_an_individual_without_agreement(world):
    from django.db import IntegrityError, transaction

    from actlocally.places.models import Asset

    with pytest.raises(IntegrityError), transaction.atomic():
        Asset.objects.create(partnership=world.keighley, kind="person", name="X")


def test_asset_form_asks_for_agreement_for_an_individual(client, world):
    client.force_login(world.people["coordinator"])
    response = client.post(
        reverse("asset_new", kwargs={"slug": "keighley"}),
        {"kind": "person", "name": "A Volunteer"},
    )
    assert "agreed to be named" in response.content.decode()


def _statement_draft_with_area(world, lsoas):
    from actlocally.statements import services as statements

    services.set_focus_area(
        partnership=world.keighley, geography="lsoa11", lsoas=lsoas, method="map", by=None
    )
    return statements.start_statement(focus_issue=world.focus, by=world.people["coordinator"])


def test_statement_pulls_the_area_profiles_facts(world, loaded):
    from actlocally.statements import services as statements

    version = _statement_draft_with_area(world, loaded[2])
    version, _added = statements.add_area_evidence(version=version, by=world.people["coordinator"])
    assert version.content["facts"][0]["text"].startswith("75% of the area's LSOAs")


def test_statement_pulls_the_decile_chart(world, loaded):
    from actlocally.statements import services as statements

    version = _statement_draft_with_area(world, loaded[2])
    version, _added = statements.add_area_evidence(version=version, by=world.people["coordinator"])
    assert [p["value"] for p in version.content["charts"][0]["points"]][:2] == [3, 0]


def test_statement_does_not_pull_the_same_facts_twice(world, loaded):
    from actlocally.statements import services as statements

    version = _statement_draft_with_area(world, loaded[2])
    version, _first = statements.add_area_evidence(version=version, by=world.people["coordinator"])
    _version, second = statements.add_area_evidence(version=version, by=world.people["coordinator"])
    assert second == 0


def test_statement_without_an_area_says_to_define_it(world):
    from django.core.exceptions import ValidationError

    from actlocally.statements import services as statements

    version = statements.start_statement(focus_issue=world.focus, by=world.people["coordinator"])
    with pytest.raises(ValidationError, match="define it on the Area page"):
        statements.add_area_evidence(version=version, by=world.people["coordinator"])


def test_statement_shows_a_share_with_its_per_cent_sign(world, loaded):
    from actlocally.statements import services as statements

    version = _statement_draft_with_area(world, loaded[2])
    version, _added = statements.add_area_evidence(version=version, by=world.people["coordinator"])
    assert version.content["facts"][0]["value"] == "75%"


def test_signed_in_navigation_links_the_deprivation_data(client, world):
    client.force_login(world.people["observer"])
    page = client.get(reverse("dashboard")).content.decode()
    assert f'href="{reverse("places")}"' in page


def test_area_tab_links_the_authoritys_ranking_map_and_suggestions(client, world):
    client.force_login(world.people["observer"])
    page = client.get(reverse("area_profile", kwargs={"slug": "keighley"})).content.decode()
    code = world.keighley.local_authority.code
    for name in ("places_ranking", "places_map", "places_suggestions"):
        assert reverse(name, kwargs={"la": code}) in page


def test_new_partnership_page_points_to_choosing_the_area_from_data(client, world):
    client.force_login(world.people["backbone"])
    code = world.bradford.code
    page = client.get(reverse("partnership_create", kwargs={"code": code})).content.decode()
    assert reverse("places_suggestions", kwargs={"la": code}) in page
