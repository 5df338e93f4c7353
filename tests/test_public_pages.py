"""The pages every public-sector service has, the glossary, and the feedback form."""

import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from actlocally.pages.glossary import TERMS
from actlocally.pages.models import Feedback

from . import factories
from .pageforms import page_form, submit

pytestmark = pytest.mark.django_db

PAGES = ["accessibility", "privacy", "cookies", "help", "contact", "glossary", "feedback"]


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("name", PAGES)
def test_footer_links_every_public_page(client, name):
    soup = BeautifulSoup(client.get(reverse("home")).content, "html.parser")
    footer_links = {a["href"] for a in soup.select("footer a")}
    assert reverse(name) in footer_links


def test_phase_banner_links_to_feedback_from_this_page(client):
    soup = BeautifulSoup(client.get(reverse("glossary")).content, "html.parser")
    link = soup.select_one(".govuk-phase-banner a")
    assert link["href"] == reverse("feedback") + "?from=/glossary/"


def test_privacy_notice_names_the_data_controller_the_operator_sets(client, settings):
    settings.ACTLOCALLY_OPERATOR = {
        **settings.ACTLOCALLY_OPERATOR,
        "data_controller": "Anytown Borough Council, Town Hall, Anytown",
    }
    assert b"Anytown Borough Council, Town Hall, Anytown" in client.get(reverse("privacy")).content


def test_contact_page_shows_the_operators_details(client, settings):
    settings.ACTLOCALLY_OPERATOR = {
        **settings.ACTLOCALLY_OPERATOR,
        "email": "act@anytown.gov.uk",
        "phone": "01234 567890",
    }
    content = client.get(reverse("contact")).content.decode()
    assert "mailto:act@anytown.gov.uk" in content and "01234 567890" in content


def test_cookies_page_names_the_cookies_the_service_sets(client, settings):
    content = client.get(reverse("cookies")).content.decode()
    assert settings.SESSION_COOKIE_NAME in content and settings.CSRF_COOKIE_NAME in content


def test_accessibility_statement_has_the_govuk_sections(client):
    soup = BeautifulSoup(client.get(reverse("accessibility")).content, "html.parser")
    headings = {h.get_text(strip=True) for h in soup.select("h2")}
    assert {
        "How accessible this service is",
        "Reporting accessibility problems with this service",
        "Enforcement procedure",
        "Preparation of this accessibility statement",
    } <= headings


def test_glossary_gives_each_term_an_anchor(client):
    soup = BeautifulSoup(client.get(reverse("glossary")).content, "html.parser")
    for term in TERMS:
        assert soup.find(id=term.anchor) is not None, term.anchor


def test_term_tag_renders_an_abbreviation_linked_to_the_glossary():
    html = Template('{% load glossary %}{% term "LSOA" "LSOAs" %}').render(Context())
    link = BeautifulSoup(html, "html.parser").a
    assert link["href"] == "/glossary/#lsoa"
    assert link.abbr["title"] == "Lower layer Super Output Area"
    assert link.get_text() == "LSOAs"


def test_term_tag_gives_a_word_its_meaning_on_hover():
    html = Template('{% load glossary %}{% term "backbone organisation" %}').render(Context())
    link = BeautifulSoup(html, "html.parser").a
    assert link["href"] == "/glossary/#backbone-organisation" and link["title"]


def feedback_form(client):
    response = client.get(reverse("feedback") + "?from=/areas/keighley/")
    return response, page_form(response, with_field="trying_to")


def test_feedback_is_stored_with_the_page_it_is_about(client):
    response, form = feedback_form(client)
    form.set("trying_to", "Find the next meeting").set("how_it_went", "Could not find it")
    answer = submit(client, response, form)
    assert answer.status_code == 302
    feedback = Feedback.objects.get()
    assert (feedback.trying_to, feedback.page) == ("Find the next meeting", "/areas/keighley/")


def test_feedback_keeps_only_pages_of_this_site(client):
    response = client.get(reverse("feedback") + "?from=https://evil.example/x")
    form = page_form(response, with_field="trying_to")
    form.set("trying_to", "a").set("how_it_went", "b")
    submit(client, response, form)
    assert Feedback.objects.get().page == ""


def test_feedback_needs_both_answers(client):
    response, form = feedback_form(client)
    answer = submit(client, response, form.set("trying_to", "Find a meeting"))
    assert "Enter how it went" in answer.content.decode() and not Feedback.objects.exists()


def test_feedback_refuses_a_bad_email_address(client):
    response, form = feedback_form(client)
    form.set("trying_to", "a").set("how_it_went", "b").set("email", "not an email")
    answer = submit(client, response, form)
    assert "Enter an email address in the correct format" in answer.content.decode()


def test_feedback_is_rate_limited(client):
    for _ in range(10):
        response, form = feedback_form(client)
        submit(client, response, form.set("trying_to", "a").set("how_it_went", "b"))
    response, form = feedback_form(client)
    answer = submit(client, response, form.set("trying_to", "a").set("how_it_went", "b"))
    assert answer.status_code == 429 and Feedback.objects.count() == 10


def test_feedback_shows_as_text_in_the_admin_list(client, world):
    Feedback.objects.create(trying_to="<b>bold</b>", how_it_went="ok")
    client.force_login(world.people["staff"])
    content = client.get(reverse("admin:pages_feedback_changelist")).content.decode()
    assert "&lt;b&gt;bold&lt;/b&gt;" in content


def glossary_links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {a["href"].split("#")[1] for a in soup.select("a.app-term")}


def test_public_area_page_explains_its_terms(client, world):
    links = glossary_links(client.get(reverse("area", kwargs={"slug": "keighley"})))
    assert {"focus-issue", "convening-partnership", "backbone-organisation"} <= links


def test_journey_page_explains_its_terms(client, world):
    client.force_login(world.people["member"])
    links = glossary_links(client.get(reverse("journey", kwargs={"slug": "keighley"})))
    assert {"backbone-organisation", "statement-of-intent", "theory-of-change", "lsoa"} <= links


def test_area_tab_explains_its_terms(client, world):
    client.force_login(world.people["member"])
    links = glossary_links(client.get(reverse("area_profile", kwargs={"slug": "keighley"})))
    assert {"lsoa", "imd", "idaci"} <= links


def test_ranking_page_explains_its_terms(client, world):
    ward = factories.WardFactory(name="Keighley Central")
    factories.DeprivationFactory(
        release=factories.ReleaseFactory(), lsoa=factories.LsoaFactory(ward=ward)
    )
    client.force_login(world.people["member"])
    links = glossary_links(client.get(reverse("places_ranking", kwargs={"la": "E08000032"})))
    assert {"lsoa", "imd", "idaci"} <= links


def test_statement_page_explains_its_terms(client, world):
    from actlocally.statements import services as statements

    statements.start_statement(focus_issue=world.focus, by=world.people["coordinator"])
    client.force_login(world.people["member"])
    links = glossary_links(client.get(reverse("statement", kwargs={"slug": "keighley"})))
    assert {"statement-of-intent", "focus-issue"} <= links


def test_feedback_older_than_a_year_is_deleted():
    from django.core.management import call_command

    old = Feedback.objects.create(trying_to="a", how_it_went="b")
    Feedback.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=366)
    )
    recent = Feedback.objects.create(trying_to="c", how_it_went="d")
    call_command("forget_old_feedback", stdout=io.StringIO())
    assert list(Feedback.objects.all()) == [recent]
