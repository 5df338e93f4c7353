"""Map labels carry names from uploads and from what people typed: the map data sends them as
JSON strings, the pages escape them, and no script builds markup from data."""

import json
import re
from pathlib import Path

from django.urls import reverse

from actlocally.places import services
from tests import factories

HOSTILE = '"><img src=x onerror=alert(1)>'
STATIC = Path(__file__).resolve().parent.parent / "actlocally"


def _own_scripts():
    return [p for p in STATIC.glob("*/static/**/*.js") if "vendor" not in p.parts]


def test_no_script_builds_markup_from_data():
    # Leaflet's bindTooltip and bindPopup put a string in as HTML; so do these DOM calls.
    markup = re.compile(
        r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|"
        r"bind(Tooltip|Popup)\(\s*(['\"+]|[a-z_]*text\b|[a-z_]*html\b|[a-z_.]*name\b)"
    )
    scripts = _own_scripts()
    assert scripts
    for script in scripts:
        assert not markup.search(script.read_text()), script


def test_the_asset_map_data_carries_a_hostile_name_as_a_string(client, world):
    services.add_asset(
        partnership=world.keighley,
        kind="group",
        name=HOSTILE,
        latitude=53.87,
        longitude=-1.91,
        by=None,
    )
    client.force_login(world.people["member"])
    response = client.get(reverse("area_geojson", kwargs={"slug": "keighley"}))
    names = [f["properties"]["name"] for f in json.loads(response.content)["features"]]
    assert HOSTILE in names


def test_the_places_map_data_carries_a_hostile_lsoa_name_as_a_string(client, world):
    release = factories.ReleaseFactory()
    lsoa = factories.LsoaFactory(name=HOSTILE, geometry='{"type":"Point","coordinates":[0,0]}')
    factories.DeprivationFactory(release=release, lsoa=lsoa)
    client.force_login(world.people["member"])
    response = client.get(reverse("places_map_geojson", kwargs={"la": "E08000032"}) + "?level=lsoa")
    names = [f["properties"]["name"] for f in json.loads(response.content)["features"]]
    assert names == [HOSTILE]


def test_the_asset_page_shows_a_hostile_name_as_text(client, world):
    services.add_asset(partnership=world.keighley, kind="group", name=HOSTILE, by=None)
    client.force_login(world.people["member"])
    body = client.get(reverse("area_assets", kwargs={"slug": "keighley"})).content.decode()
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body


def test_the_places_map_page_shows_a_hostile_lsoa_name_as_text(client, world):
    release = factories.ReleaseFactory()
    factories.DeprivationFactory(release=release, lsoa=factories.LsoaFactory(name=HOSTILE))
    client.force_login(world.people["member"])
    body = client.get(
        reverse("places_map", kwargs={"la": "E08000032"}) + "?level=lsoa"
    ).content.decode()
    assert "<img src=x" not in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body
