"""Any query string on the access audit's page and CSV: never a server error."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actlocally.accessaudit.models import Kind
from tests.factories_accessaudit import AccessEventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.fuzz]

NAMES = ["person", "kind", "partnership", "since", "until", "page", "show"]
# Text a browser can send: anything but lone surrogates, which no URL can carry.
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
NASTY = st.sampled_from(
    [
        "",
        "keighley",
        "0001-01-01",
        "9999-12-31",
        "2026-02-30",
        "2026-12-02",
        "99999-01-01",
        "-1",
        "1" * 30,
        "all",
        "%",
        "'",
        *Kind.values,
    ]
)
# More in `make fuzz` (its hypothesis profile raises max_examples).
EXAMPLES = max(40, settings.default.max_examples // 2)
QUERIES = st.dictionaries(
    st.one_of(st.sampled_from(NAMES), TEXT),
    st.lists(st.one_of(TEXT, NASTY), min_size=1, max_size=3),
    max_size=6,
)


@pytest.mark.parametrize("name", ["access_audit", "access_audit_csv"])
def test_no_query_string_makes_the_audit_fail(client, world, name):
    AccessEventFactory(partnership=world.keighley)
    client.force_login(world.people["data_guardian"])
    url = reverse(name)

    @settings(max_examples=EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(query=QUERIES)
    def check(query):
        response = client.get(url, query)
        assert response.status_code < 500, f"{url}?{query} answered {response.status_code}"

    check()
