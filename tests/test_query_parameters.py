"""No query parameter on any page may cause a server error: filters are validated with a form
and a bad value is ignored (or named as an error), never a 500."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db

BAD_FILTERS = [
    {"owner": "abc"},
    {"outcome": "abc"},
    {"owner": "1" * 30},
    {"outcome": "-1"},
    {"focus": "9" * 30},
    {"status": "bogus"},
]


@pytest.mark.parametrize("name", ["action_plan", "action_plan_csv"])
@pytest.mark.parametrize("params", BAD_FILTERS)
def test_action_plan_ignores_a_filter_it_cannot_read(client, world, name, params):
    factories.ActionFactory(partnership=world.keighley, focus_issue=world.focus)
    client.force_login(world.people["coordinator"])
    response = client.get(reverse(name, kwargs={"slug": "keighley"}), params)
    assert response.status_code == 200


def test_action_plan_still_filters_by_a_good_owner_beside_a_bad_outcome(client, world):
    mine = factories.ActionFactory(
        partnership=world.keighley, focus_issue=world.focus, owner=world.people["member"]
    )
    other = factories.ActionFactory(partnership=world.keighley, focus_issue=world.focus)
    client.force_login(world.people["coordinator"])
    response = client.get(
        reverse("action_plan", kwargs={"slug": "keighley"}),
        {"owner": world.people["member"].pk, "outcome": "abc"},
    )
    assert (mine in response.context["actions"], other in response.context["actions"]) == (
        True,
        False,
    )


def test_audit_log_admin_can_be_searched(client, world):
    client.force_login(world.people["staff"])
    response = client.get(reverse("admin:auditlog_logentry_changelist"), {"q": "Keighley"})
    assert response.status_code == 200


# Every page, any query string ----------------------------------------------------------------

from urllib.parse import parse_qsl, urlsplit  # noqa: E402

from bs4 import BeautifulSoup  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.pageforms import read_forms  # noqa: E402
from tests.url_tables import ACCESS, URLS  # noqa: E402

# Every page a co-ordinator may open (list and filter pages among them).
PAGES = sorted(name for name, (_kwargs, rule) in URLS.items() if ACCESS[rule]("coordinator") == 200)
# Names any page of ours reads, so each page is also tried with the others' parameters.
KNOWN = [
    "focus", "status", "owner", "outcome", "release", "measure", "level", "sort", "format",
    "la", "to", "from", "show", "action", "q", "sector", "page", "next", "stage", "compare",
]  # fmt: skip
# A few examples per page in CI (85 pages); `make fuzz` tries a tenth of its corpus on each.
EXAMPLES = max(6, settings.default.max_examples // 10)

# Text a browser can send: anything but lone surrogates, which no URL can carry.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
NUMBERS = st.integers(min_value=-(2**80), max_value=2**80).map(str)
NASTY = st.sampled_from(
    ["", "none", "abc", "0", "-1", "1" * 30, "1e309", "NaN", "\x00", "%", "'", "[]", "csv"]
)


def names_on(html: bytes) -> tuple[set[str], dict[str, set[str]]]:
    """The query parameter names a page's GET forms and links use, and the values they offer."""
    offered: dict[str, set[str]] = {}
    for form in read_forms(html):
        if form.method == "get":
            for name in form.fields:
                offered.setdefault(name, set()).update(
                    form.options.get(name, []) + [v for vs in form.values.values() for v in vs]
                )
    for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
        for name, value in parse_qsl(urlsplit(link["href"]).query, keep_blank_values=True):
            offered.setdefault(name, set()).add(value)
    return set(offered), offered


def query_strings(names: set[str], offered: dict[str, set[str]]):
    # The page's own names as often as any of ours or a random one, so its filters get tried.
    keys = [st.sampled_from(sorted(KNOWN)), TEXT]
    if names:
        keys.insert(0, st.sampled_from(sorted(names)))
    values = [TEXT, NUMBERS, NASTY]
    every_offered = sorted({v for vs in offered.values() for v in vs})
    if every_offered:
        values.append(st.sampled_from(every_offered))
    return st.dictionaries(
        st.one_of(*keys), st.lists(st.one_of(*values), min_size=1, max_size=3), max_size=6
    )


@pytest.mark.fuzz
@pytest.mark.parametrize("name", PAGES)
def test_no_query_string_makes_a_page_fail(client, world, name):
    kwargs, _rule = URLS[name]
    url = reverse(name, kwargs=kwargs(world))
    client.force_login(world.people["coordinator"])
    first = client.get(url)
    assert first.status_code == 200
    names, offered = names_on(first.content)

    # Pages without filters of their own get fewer tries: only our shared names reach them.
    @settings(max_examples=EXAMPLES if names else max(3, EXAMPLES // 2))
    @given(query=query_strings(names, offered))
    def check(query):
        response = client.get(url, query)
        assert response.status_code < 500, f"{url}?{query} answered {response.status_code}"

    check()


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("organisations:list", {"q": "a\x00b"}),
        ("places", {"la": "\x00"}),
        ("places", {"\x00": "1"}),
    ],
)
def test_a_nul_character_in_the_query_string_is_a_bad_request(client, world, name, params):
    # PostgreSQL cannot compare text holding NUL: every filter on it was a DataError (500).
    client.force_login(world.people["coordinator"])
    assert client.get(reverse(name), params).status_code == 400
