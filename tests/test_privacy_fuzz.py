"""Property-based fuzzing of the privacy pages' query parameters (the people search and its page
number) and of the erasure confirmation: no 500, and nobody erased unless their email was typed."""

import pytest
from django.contrib.auth import get_user_model
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests import factories

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

# Anything a browser can send (lone surrogates cannot be encoded).
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
# A NUL in the query string is refused by the platform's middleware (400) before any view, and
# lone surrogates cannot be put in a URL at all.
QUERY_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=300
)
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def staff_client(client):
    client.force_login(factories.UserFactory(is_staff=True))
    return client


@FUZZ
@given(q=QUERY_TEXT, page=QUERY_TEXT)
def test_the_people_search_answers_any_query(staff_client, q, page):
    response = staff_client.get("/privacy/people/", {"q": q, "page": page})
    assert response.status_code == 200


@FUZZ
@given(typed=TEXT)
def test_erasure_needs_the_persons_email(staff_client, typed):
    person = factories.UserFactory()
    response = staff_client.post(f"/privacy/people/{person.pk}/erase/", {"confirm_email": typed})
    erased = not get_user_model().objects.filter(pk=person.pk).exists()
    assert response.status_code in {200, 302}
    assert erased == (typed.strip().lower() == person.email.lower())
