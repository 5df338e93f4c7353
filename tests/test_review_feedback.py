"""Feedback through a secret link without an account: the form, its consent, the limits on
guessing, erasing names, and every wrong, ended or fuzzed token answering 404, never 500."""

import datetime

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from actlocally.journey.models import StepProgress
from actlocally.participation.services import erase_due_names
from actlocally.review import services
from actlocally.review.models import FeedbackLink, FeedbackResponse
from tests import factories_review as f
from tests.pageforms import page_form, submit

pytestmark = pytest.mark.django_db

TOKEN = "a-test-token-abcdefghijklmnopqrstuvwxyz0123"


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()


@pytest.fixture
def link(world):
    return f.FeedbackLinkFactory(partnership=world.keighley, token=TOKEN)


def url(token=TOKEN):
    return reverse("review_feedback_give", kwargs={"token": token})


def test_the_link_opens_a_form_without_an_account(client, link):
    response = client.get(url())
    assert response.status_code == 200 and "Tell us how it went" in response.content.decode()


def test_the_form_shows_what_is_kept(client, link):
    assert str(services.FEEDBACK_NOTICE.text) in client.get(url()).content.decode()


def test_sending_feedback_records_it_with_consent(client, link):
    response = client.get(url())
    form = page_form(response, with_field="what_worked").set("what_worked", "Clear actions.")
    assert submit(client, response, form).status_code == 302
    answer = FeedbackResponse.objects.get()
    assert (answer.what_worked, answer.consent_notice) == ("Clear actions.", "review-feedback-1")


def test_feedback_without_what_worked_is_refused(client, link):
    response = client.get(url())
    response = submit(client, response, page_form(response, with_field="what_worked"))
    assert response.status_code == 200 and FeedbackResponse.objects.count() == 0


def test_feedback_ticks_the_collect_feedback_step(client, link, world):
    services.give_feedback(link=link, what_worked="Good")
    progress = StepProgress.objects.get(partnership=world.keighley, step__key="collect-feedback")
    assert progress.status == "done"


def test_an_ended_link_is_404(client, link):
    FeedbackLink.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get(url()).status_code == 404


def test_an_unknown_token_is_404(client, link):
    assert client.get(url("not-the-token")).status_code == 404


def test_posting_to_an_unknown_token_writes_nothing(client, link):
    assert client.post(url("nope"), {"what_worked": "x"}).status_code == 404
    assert FeedbackResponse.objects.count() == 0


def test_guessing_too_many_tokens_closes_even_the_right_one(client, link):
    for n in range(services_limit()):
        client.get(url(f"guess-{n}"))
    assert client.get(url()).status_code == 404


def services_limit():
    from actlocally.review.public import FEEDBACK_LIMIT

    return FEEDBACK_LIMIT.per_session


@given(token=st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=120))
def test_no_token_makes_the_page_fail(client, link, token):
    cache.clear()
    try:
        address = url(token)
    except Exception:
        return
    assert client.get(address).status_code == 404


@given(
    query=st.dictionaries(
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
        st.text(st.characters(blacklist_categories=("Cs",)), max_size=30),
        max_size=4,
    )
)
def test_no_query_string_makes_the_feedback_form_fail(client, link, query):
    cache.clear()
    assert client.get(url(), query).status_code < 500


def test_names_are_erased_after_a_year(link):
    answer = f.FeedbackResponseFactory(link=link, name="Sam")
    FeedbackResponse.objects.filter(pk=answer.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=366)
    )
    erase_due_names()
    answer.refresh_from_db()
    assert (answer.name, answer.what_worked) == ("", "Clear next steps.")


def test_coordinator_makes_a_link_and_sees_it_once(client, world):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_feedback", kwargs={"slug": "keighley"}))
    form = page_form(response, with_field="question").set("audience", "commissioner")
    form.set("question", "The session with commissioners")
    response = submit(client, response, form)
    made = FeedbackLink.objects.get()
    shown = response.content.decode().split('id="feedback-link"')[1].split("<")[0].split(">")[1]
    token = shown.rstrip("/").rsplit("/", 1)[1]
    assert services.link_for_token(token) == made


def test_coordinator_sees_the_answers(client, world, link):
    f.FeedbackResponseFactory(link=link, what_worked="The data pack was clear")
    client.force_login(world.people["coordinator"])
    page = client.get(reverse("review_feedback", kwargs={"slug": "keighley"})).content.decode()
    assert "The data pack was clear" in page


def test_coordinator_ends_a_link(client, world, link):
    client.force_login(world.people["coordinator"])
    response = client.get(reverse("review_feedback", kwargs={"slug": "keighley"}))
    submit(client, response, page_form(response, with_field="end"))
    assert services.link_for_token(TOKEN) is None


def test_a_member_cannot_read_feedback(client, world, link):
    client.force_login(world.people["member"])
    assert client.get(reverse("review_feedback", kwargs={"slug": "keighley"})).status_code == 403
