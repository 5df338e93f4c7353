"""Hostile names on every map: an asset, a school and an LSOA (and its ward) named with markup show
as text in the map's hover labels, and no script runs."""

import pytest

from actlocally.partnerships.models import Partnership
from actlocally.places import services
from actlocally.places.models import LSOA, FocusArea, School, Ward

from .conftest import screenshot, sign_in

HOSTILE = '"><img src=x onerror=alert(1)>'

# Every page that draws a map from data, with the kind of feature whose label carries the name.
MAP_PAGES = [
    ("/partnerships/keighley/area/assets/", "asset-map"),
    ("/partnerships/keighley/area/?release=IoD2019", "area-map"),
    ("/partnerships/keighley/area/assets/new/", "asset-pick"),
    ("/partnerships/keighley/area/define/?release=IoD2019", "define-map"),
    ("/places/E08000032/map/?release=IoD2019&level=lsoa", "places-map"),
    ("/places/E08000032/map/?release=IoD2019", "places-map"),
]

# Hover over every feature as a mouse would; read what each label shows and whether any markup
# from the data became an element.
HOVER_EVERY_FEATURE = """
async (hostile) => {
  const labels = [];
  let elements = 0, hostileFeature = null;
  for (const el of document.querySelectorAll(".leaflet-interactive")) {
    el.dispatchEvent(new MouseEvent("mouseover", {bubbles: true, clientX: 20, clientY: 20}));
    for (const tip of document.querySelectorAll(".leaflet-tooltip")) {
      if (tip.textContent.includes("onerror")) { labels.push(tip.textContent); hostileFeature = el; }
      elements += tip.querySelectorAll("img, script, iframe").length;
    }
    el.dispatchEvent(new MouseEvent("mouseout", {bubbles: true, clientX: 20, clientY: 20}));
  }
  // A round trip to the server, so a broken image's onerror would have fired by now.
  await fetch(location.href, {credentials: "same-origin"});
  // Leave one hostile label open for the screenshot.
  if (hostileFeature) {
    hostileFeature.dispatchEvent(new MouseEvent("mouseover", {bubbles: true, clientX: 20, clientY: 20}));
  }
  return {labels, elements, images: document.querySelectorAll('img[src="x"]').length};
}
"""


@pytest.fixture
def hostile_names(demo):
    keighley = Partnership.objects.get(slug="keighley")
    area = FocusArea.objects.get(partnership=keighley)
    lsoa = area.lsoas.exclude(latitude=None).order_by("code").first()
    LSOA.objects.filter(code=lsoa.code).update(name=HOSTILE)
    Ward.objects.filter(pk=lsoa.ward_id).update(name=HOSTILE)
    School.objects.create(
        name=HOSTILE,
        urn=999001,
        lsoa_code=lsoa.code,
        la_code="E08000032",
        latitude=lsoa.latitude,
        longitude=lsoa.longitude,
    )
    services.add_asset(
        partnership=keighley,
        kind="group",
        name=HOSTILE,
        latitude=lsoa.latitude,
        longitude=lsoa.longitude,
        by=None,
    )


@pytest.mark.parametrize(("path", "map_id"), MAP_PAGES)
def test_hostile_name_is_text_on_the_map(page, hostile_names, path, map_id):
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, "coordinator@example.org")
    page.goto(page.base_url + path)
    page.wait_for_selector(f"#{map_id} .leaflet-interactive")
    seen = page.evaluate(HOVER_EVERY_FEATURE, HOSTILE)
    screenshot(page, "map-labels-" + map_id + ("-lsoa" if "level=lsoa" in path else ""))
    assert seen["elements"] == 0 and seen["images"] == 0
    assert seen["labels"] and all(HOSTILE in text for text in seen["labels"])
    assert dialogs == []
