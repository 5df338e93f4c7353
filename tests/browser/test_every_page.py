"""Every page of the URL table, opened by a demo person who may see it, at desktop and 375px widths:
axe-core finds no violation and no page is wider than the screen.

axe-core is vendored (tests/browser/vendor, `make vendor`) and injected from disk: nothing is
fetched at run time. One browser, one signed-in context per role, one page per context.
"""

import importlib
import pkgutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse

from actlocally.accounts.models import User
from actlocally.partnerships.models import Membership, Partnership
from tests import url_tables
from tests.url_tables import ACCESS, URLS

from .conftest import DESKTOP, PHONE

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text()

# The demo's people (actlocally/demo/personas.py) under the URL table's role names; these are
# the roles the demo gives someone in Keighley, the partnership the table's URLs are about.
DEMO_PEOPLE = {
    "coordinator": "coordinator@example.org",
    "research_partner": "researcher@example.org",
    "member": "headteacher@example.org",
    "commissioner": "commissioner@example.org",
    "backbone": "backbone@example.org",
    "board": "board@example.org",
    "staff": "admin@example.org",
    "data_guardian": "dataguardian@example.org",
}
# Whom to open a page as: the public as the public sees it, otherwise the person who uses the page
# most (the co-ordinator's pages have the most on them), then the others.
PREFERENCE = ["anonymous", *DEMO_PEOPLE]

# The Django admin is Django's own, and is tested as Django tests it. The API's documentation is
# drf-spectacular's Swagger UI page: its known problems are in the accessibility statement.
NOT_OURS = {"admin:index", "api:docs"}
# Library pages the URL table leaves out that people meet: signing in shows the demo logins.
LIBRARY_PAGES = {
    "account_login": (lambda w: {}, "public"),
    "account_reset_password": (lambda w: {}, "public"),
}
# Files, feeds and JSON: not pages (and their kwargs would make a second feed for the demo's).
NOT_PAGES = ("_csv", "_pdf", "_docx", "_ics", "_geojson", "_feed", "healthz")


def is_page(name):
    return name not in NOT_OURS and not name.endswith(NOT_PAGES) and name != "api:schema"


def demo_world():
    """The demo seen through the shape of tests/factories.build_world, so the URL table's
    kwargs find their objects (and make the few they need) in the demo's Keighley."""
    keighley = Partnership.objects.get(slug="keighley")
    people = {role: User.objects.get(email=email) for role, email in DEMO_PEOPLE.items()}
    return SimpleNamespace(
        keighley=keighley,
        holme_wood=Partnership.objects.get(slug="holme-wood"),
        people=people,
        outsider=User.objects.get(email="coordinator.holmewood@example.org"),
        focus=keighley.focus_issues.order_by("-started_on").first(),
        event=keighley.timeline.first(),
        organisation=people["coordinator"].memberships.first().organisation,
        coordinator_membership=Membership.objects.get(
            partnership=keighley, person=people["coordinator"]
        ),
    )


def who_opens(rule):
    return next((role for role in PREFERENCE if ACCESS[rule](role) == 200), None)


def in_visiting_order(names):
    # The "earlier" Statement pages move Keighley on to a new focus issue: open them last, so
    # every other page shows the demo as it is.
    return sorted(names, key=lambda name: ("earlier" in name, name))


def signed_in_page(browser, role):
    context = browser.new_context(viewport=DESKTOP, base_url=browser.base_url)
    if role != "anonymous":
        client = Client()
        client.force_login(User.objects.get(email=DEMO_PEOPLE[role]))
        cookie = client.cookies["sessionid"]
        context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": browser.base_url}])
    return context.new_page()


def problems_on(page, label, width):
    found = []
    # Evaluated, not added as a <script> element: the page's Content-Security-Policy refuses
    # inline scripts (and the browser fixture fails a test on any refusal).
    page.evaluate(AXE)
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    for violation in result["violations"]:
        targets = ", ".join(str(node["target"]) for node in violation["nodes"][:3])
        found.append(f"{label} at {width}px: axe {violation['id']}: {targets}")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        widest = page.evaluate(
            """(width) => [...document.querySelectorAll('body *')]
                .filter((e) => e.getBoundingClientRect().right > width)
                .slice(-1).map((e) => e.outerHTML.slice(0, 120))[0]""",
            width,
        )
        found.append(f"{label} at {width}px: {scroll_width}px wide: {widest}")
    return found


def url_groups() -> dict[str, set[str]]:
    """Each app's URL table (tests/url_tables/), so both test processes share the walk."""
    groups = {
        module.name: set(importlib.import_module(f"tests.url_tables.{module.name}").URLS)
        for module in pkgutil.iter_modules(url_tables.__path__)
    }
    groups["foundation"] |= set(LIBRARY_PAGES)
    return groups


GROUPS = url_groups()
# URL tables of buttons' targets and endpoints only: nothing in them is a page to open.
NO_PAGES = {"sessions"}


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_every_page_is_accessible_and_fits_the_screen(browser, group):
    visited, problems = walk(browser, demo_world(), only=GROUPS[group])
    # A group none of whose pages opened would otherwise pass without looking at anything.
    assert bool(visited) != (group in NO_PAGES), f"{group}: opened {visited}"
    assert problems == [], "\n".join(problems)


def walk(browser, world, only=None):
    """Opens each page at both widths; the pages opened and the problems found."""
    pages_by_role = {}
    visited, problems = [], []
    table = {**URLS, **LIBRARY_PAGES}
    for name in in_visiting_order(filter(is_page, table)):
        if only and name not in only:
            continue
        kwargs, rule = table[name]
        role = who_opens(rule)
        if role is None:
            continue
        try:
            path = reverse(name, kwargs=kwargs(world))
        except Exception as error:  # reported with the page's name, so the test fails
            problems.append(f"{name}: could not make what it shows in the demo: {error!r}")
            continue
        if role not in pages_by_role:
            pages_by_role[role] = signed_in_page(browser, role)
        page = pages_by_role[role]
        # The API's JSON and the targets of buttons (which redirect) are not pages either.
        answer = page.request.get(path, max_redirects=0)
        if answer.status != 200 or not answer.headers.get("content-type", "").startswith(
            "text/html"
        ):
            continue
        visited.append(name)
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            page.goto(path)
            problems += problems_on(page, f"{name} ({role})", viewport["width"])
    return visited, problems
