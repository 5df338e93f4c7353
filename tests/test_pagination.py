"""Long lists go a page at a time (the GOV.UK pagination pattern): the shared helper, each list
page that uses it, and a fuzzed `page` parameter that never makes a page fail."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from actlocally.core import pagination
from actlocally.core.pagination import page_numbers, paginate
from actlocally.partnerships.models import Partnership
from tests import factories

PER_PAGE = 3


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(pagination, "PER_PAGE", PER_PAGE)


def _paged(query: str, items=range(10), **kwargs):
    return paginate(RequestFactory().get(f"/?{query}"), list(items), **kwargs)


# The helper ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "pages", "shown"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 10, [1, 2, None, 10]),
        (5, 10, [1, None, 4, 5, 6, None, 10]),
        (3, 10, [1, 2, 3, 4, None, 10]),
        (10, 10, [1, None, 9, 10]),
    ],
)
def test_page_numbers_keep_first_last_and_neighbours(number, pages, shown):
    assert page_numbers(number, pages) == shown


def test_a_page_that_is_not_a_number_shows_the_first(small_pages):
    assert _paged("page=abc").items == [0, 1, 2]


def test_a_page_past_the_end_shows_the_last(small_pages):
    assert _paged("page=99").items == [9]


def test_page_links_keep_the_other_query_parameters(small_pages):
    assert _paged("sort=name&page=2").next_url == "?sort=name&page=3"


def test_the_first_page_link_drops_the_page_parameter(small_pages):
    assert _paged("sort=name&page=2").previous_url == "?sort=name"


def test_show_all_is_offered_only_where_the_view_allows_it(small_pages):
    assert (_paged("").show_all_url, _paged("", show_all=True).show_all_url) == ("", "?page=all")


def test_show_all_shows_every_item(small_pages):
    assert len(_paged("page=all", show_all=True).items) == 10


def test_a_short_list_has_no_pagination(small_pages):
    assert not _paged("", items=range(2)).is_paged


# Each list ------------------------------------------------------------------------------------


def _history(world, n):
    kind = ContentType.objects.get_for_model(Partnership)
    for i in range(n):
        LogEntry.objects.create(
            content_type=kind,
            object_pk=str(world.keighley.pk),
            object_repr=f"Change {i}",
            action=LogEntry.Action.UPDATE,
            additional_data={"partnership_id": world.keighley.pk},
        )


def _ranking(world, n):
    release = factories.ReleaseFactory()
    for _ in range(n):
        factories.DeprivationFactory(release=release)


def _meetings(world, n):
    for i in range(n):
        start = timezone.now() - datetime.timedelta(days=30 + i)
        factories.MeetingFactory(
            partnership=world.keighley, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )


def _symposium(world, n):
    s = factories.SymposiumFactory(partnership=world.keighley)
    for _ in range(n):
        factories.ContributionFactory(symposium=s)
    return {"slug": "keighley", "pk": s.pk}


# name: (make n rows and return the URL's kwargs, the page parameter)
LISTS = {
    "places_ranking": (lambda w, n: _ranking(w, n) or {"la": "E08000032"}, "page"),
    "organisations:list": (
        lambda w, n: factories.OrganisationFactory.create_batch(n) and {},
        "page",
    ),
    "action_plan": (
        lambda w, n: (
            factories.ActionFactory.create_batch(n, partnership=w.keighley, focus_issue=w.focus)
            and {"slug": "keighley"}
        ),
        "page",
    ),
    "meetings": (lambda w, n: _meetings(w, n) or {"slug": "keighley"}, "page"),
    "area_assets": (
        lambda w, n: (
            factories.AssetFactory.create_batch(n, partnership=w.keighley) and {"slug": "keighley"}
        ),
        "page",
    ),
    "symposium": (_symposium, "page"),
    "history": (lambda w, n: _history(w, n) or {"slug": "keighley"}, "page"),
}


def _open(client, world, name, n=PER_PAGE * 3 + 1):
    make, param = LISTS[name]
    kwargs = make(world, n)
    client.force_login(world.people["coordinator"])
    return reverse(name, kwargs=kwargs), param


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_a_long_list_shows_govuk_pagination(client, world, small_pages, name):
    url, _param = _open(client, world, name)
    assert 'class="govuk-pagination"' in client.get(url).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_a_page_past_the_end_of_a_list_shows_its_last_page(client, world, small_pages, name):
    url, param = _open(client, world, name)
    page = client.get(url, {param: "9999"}).content.decode()
    # The last page: it links back to the one before and on to none.
    assert ('rel="prev"' in page, 'rel="next"' in page) == (True, False)


@pytest.mark.django_db
@pytest.mark.fuzz
@pytest.mark.parametrize("name", sorted(LISTS))
def test_no_page_parameter_makes_a_list_fail(client, world, small_pages, name):
    url, param = _open(client, world, name, n=PER_PAGE + 1)

    @settings(max_examples=25, deadline=None)
    @given(
        page=st.one_of(
            st.text(st.characters(blacklist_categories=("Cs",)), max_size=20),
            st.integers(min_value=-(2**70), max_value=2**70).map(str),
            st.sampled_from(["all", "0", "-1", "1.5", "1e309", "NaN", "2", "Infinity"]),
        )
    )
    def check(page):
        response = client.get(url, {param: page, "sort": "name"})
        # A NUL is refused (400) before any view, like every other query parameter.
        assert response.status_code in {200, 400}

    check()


@pytest.mark.django_db
def test_the_ranking_keeps_its_choices_on_the_next_page(client, world, small_pages):
    url, _param = _open(client, world, "places_ranking")
    page = client.get(url, {"sort": "name", "level": "lsoa", "measure": "imd"}).content.decode()
    assert "sort=name&amp;level=lsoa&amp;measure=imd&amp;page=2" in page


@pytest.mark.django_db
def test_the_ranking_csv_has_every_row_whatever_the_page(client, world, small_pages):
    url, _param = _open(client, world, "places_ranking")
    response = client.get(url, {"level": "lsoa", "format": "csv", "page": "2"})
    assert len(response.content.decode().strip().splitlines()) == 1 + PER_PAGE * 3 + 1


@pytest.mark.django_db
def test_the_ranking_shows_every_row_when_asked(client, world, small_pages):
    url, _param = _open(client, world, "places_ranking")
    response = client.get(url, {"level": "lsoa", "page": "all"})
    assert len(response.context["rows"]) == PER_PAGE * 3 + 1


@pytest.mark.django_db
def test_the_action_plan_csv_has_every_action(client, world, small_pages):
    _open(client, world, "action_plan")
    response = client.get(reverse("action_plan_csv", kwargs={"slug": "keighley"}), {"page": "2"})
    assert len(response.content.decode().strip().splitlines()) == 1 + PER_PAGE * 3 + 1


@pytest.mark.django_db
def test_symposium_sections_count_every_contribution_not_only_the_page(client, world, small_pages):
    url, _param = _open(client, world, "symposium")
    response = client.get(url)
    challenges = next(s for s in response.context["sections"] if s["kind"] == "challenge")
    assert (challenges["count"], len(challenges["items"])) == (PER_PAGE * 3 + 1, PER_PAGE)
