"""Symposium pages through the test client: the phone flow, ballots, CSV exports, permissions."""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from actlocally.partnerships.models import FocusIssue
from actlocally.symposia import services
from actlocally.symposia.forms import BallotForm
from actlocally.symposia.models import Ballot, Contribution, Guest, Symposium

from . import factories

# The symposium, its join code and the phone headers these tests share.
from .symposia_fixtures import *  # noqa: F403
from .symposia_fixtures import PHONE


def url(name, symposium, **extra):
    return reverse(name, kwargs={"slug": symposium.partnership.slug, "pk": symposium.pk, **extra})


def join(client, code, *, name="", role="parent"):
    client.post(reverse("join"), {"code": code.code}, **PHONE)
    client.post(reverse("join_name"), {"display_name": name}, **PHONE)
    client.post(reverse("join_role"), {"role_type": role}, **PHONE)
    return client.post(reverse("join_check"), **PHONE)


def contribute(client, kind, text):
    client.post(reverse("join_kind"), {"kind": kind}, **PHONE)
    client.post(reverse("join_text"), {"text": text}, **PHONE)
    return client.post(reverse("join_contribution_check"), **PHONE)


def rank(client, places: dict):
    client.post(reverse("join_rank"), {f"c{c.pk}": str(n) for c, n in places.items()}, **PHONE)
    return client.post(reverse("join_rank_check"), **PHONE)


# The phone flow -----------------------------------------------------------------------------------


def test_two_guests_contribute_and_rank_from_their_phones(symposium, code, coordinator):
    ayesha, ben = Client(), Client()
    join(ayesha, code, name="Ayesha", role="parent")
    join(ben, code, role="school")
    contribute(ayesha, "challenge", "Children come to school hungry")
    contribute(ben, "challenge", "Tooth decay keeps pupils off school")
    contribute(ben, "barrier", "Families do not know about Healthy Start")
    hunger, teeth = symposium.contributions.filter(kind="challenge").order_by("pk")
    food = services.merge_challenges(
        symposium=symposium, challenges=[hunger], title="Food", by=coordinator
    )
    oral = services.merge_challenges(
        symposium=symposium, challenges=[teeth], title="Oral health", by=coordinator
    )
    services.open_ranking(symposium=symposium, by=coordinator)
    rank(ayesha, {food: 1, oral: 2})
    rank(ben, {oral: 1})
    assert sorted(
        list(b.preferences.values_list("candidate__title", flat=True))
        for b in Ballot.objects.filter(symposium=symposium)
    ) == [["Food", "Oral health"], ["Oral health"]]


def test_guest_contribution_is_saved_only_after_check_your_answers(symposium, code):
    client = Client()
    join(client, code)
    client.post(reverse("join_kind"), {"kind": "challenge"}, **PHONE)
    client.post(reverse("join_text"), {"text": "Hungry children"}, **PHONE)
    assert Contribution.objects.count() == 0


def test_check_your_answers_shows_the_contribution(symposium, code):
    client = Client()
    join(client, code)
    client.post(reverse("join_kind"), {"kind": "barrier"}, **PHONE)
    client.post(reverse("join_text"), {"text": "No one shares data"}, **PHONE)
    page = client.get(reverse("join_contribution_check"), **PHONE).content.decode()
    assert "No one shares data" in page and "Barrier to change" in page


def test_guest_joins_only_after_check_your_answers(symposium, code):
    client = Client()
    client.post(reverse("join"), {"code": code.code})
    client.post(reverse("join_name"), {"display_name": "Sam"})
    client.post(reverse("join_role"), {"role_type": "parent"})
    assert Guest.objects.count() == 0


def test_guest_keeps_the_name_and_role_given(symposium, code):
    join(Client(), code, name="Sam", role="young_person")
    assert Guest.objects.values_list("display_name", "role_type").get() == ("Sam", "young_person")


def test_guest_cannot_rank_twice_from_one_phone(symposium, code, coordinator):
    client = Client()
    join(client, code)
    a, b = (factories.CandidateFactory(symposium=symposium) for _ in range(2))
    services.open_ranking(symposium=symposium, by=coordinator)
    rank(client, {a: 1})
    rank(client, {b: 1})
    assert Ballot.objects.filter(symposium=symposium).count() == 1


def test_guest_rank_page_after_voting_goes_home(symposium, code, coordinator):
    client = Client()
    join(client, code)
    a, _b = (factories.CandidateFactory(symposium=symposium) for _ in range(2))
    services.open_ranking(symposium=symposium, by=coordinator)
    rank(client, {a: 1})
    assert client.get(reverse("join_rank")).url == reverse("join_home")


def test_wrong_code_says_so(db):
    response = Client().post(reverse("join"), {"code": "QQQQQQ"})
    assert "We do not recognise that code" in response.content.decode()


def test_expired_code_says_so(symposium, code):
    code.expires_at = timezone.now()
    code.save()
    response = Client().post(reverse("join"), {"code": code.code})
    assert "That code has expired" in response.content.decode()


def test_guest_is_sent_back_to_the_code_page_when_the_code_expires(symposium, code):
    client = Client()
    join(client, code)
    code.expires_at = timezone.now()
    code.save()
    assert client.get(reverse("join_kind")).url == reverse("join")


def test_too_many_wrong_codes_are_refused(db):
    client = Client()
    for _n in range(10):
        client.post(reverse("join"), {"code": "QQQQQQ"})
    assert client.post(reverse("join"), {"code": "QQQQQQ"}).status_code == 429


def test_rate_limit_refuses_even_a_right_code(symposium, code):
    client = Client()
    for _n in range(10):
        client.post(reverse("join"), {"code": "QQQQQQ"})
    client.post(reverse("join"), {"code": code.code})
    assert client.get(reverse("join_name")).status_code == 302


def test_signed_in_member_is_sent_to_the_member_page(world, symposium, code):
    client = Client()
    client.force_login(world.people["member"])
    response = client.post(reverse("join"), {"code": code.code})
    assert response.url == symposium.get_absolute_url()


def test_join_page_works_without_javascript(db):
    page = Client().get(reverse("join")).content.decode()
    assert '<form method="post"' in page and 'type="submit"' in page


def test_phone_question_is_the_page_heading(symposium, code):
    client = Client()
    client.post(reverse("join"), {"code": code.code})
    page = client.get(reverse("join_role")).content.decode()
    assert '<h1 class="govuk-fieldset__heading">Which best describes you?</h1>' in page


# The ballot form ----------------------------------------------------------------------------------


@pytest.fixture
def candidates(symposium):
    return [factories.CandidateFactory(symposium=symposium, title=t) for t in ("A", "B", "C")]


def ballot(candidates, values):
    return BallotForm(
        {f"c{c.pk}": v for c, v in zip(candidates, values, strict=True)}, candidates=candidates
    )


def test_ballot_form_orders_the_ranking(candidates):
    form = ballot(candidates, ["2", "", "1"])
    assert form.is_valid() and form.cleaned_data["ranking"] == [candidates[2], candidates[0]]


def test_ballot_form_names_both_candidates_given_one_number(candidates):
    form = ballot(candidates, ["1", "1", ""])
    form.is_valid()
    assert form.errors[f"c{candidates[1].pk}"] == [
        "You gave 1 to both “A” and “B”. Give each priority a different number."
    ]


def test_ballot_form_says_which_number_is_missing(candidates):
    form = ballot(candidates, ["1", "3", ""])
    form.is_valid()
    assert form.errors[f"c{candidates[1].pk}"] == [
        "You used 3 but not 2. Number your choices 1, 2, 3 and so on, with no gaps."
    ]


def test_ballot_form_needs_one_number(candidates):
    form = ballot(candidates, ["", "", ""])
    assert not form.is_valid() and "at least one priority" in str(form.non_field_errors())


# Member pages -------------------------------------------------------------------------------------


def test_member_ranks_from_the_rank_page(world, symposium, candidates, coordinator):
    services.open_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(world.people["member"])
    client.post(url("symposium_rank", symposium), {f"c{candidates[0].pk}": "1"})
    assert Ballot.objects.filter(member=world.people["member"]).count() == 1


def test_member_second_ballot_from_the_page_is_refused(world, symposium, candidates, coordinator):
    services.open_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(world.people["member"])
    client.post(url("symposium_rank", symposium), {f"c{candidates[0].pk}": "1"})
    client.post(url("symposium_rank", symposium), {f"c{candidates[1].pk}": "1"})
    assert Ballot.objects.filter(member=world.people["member"]).count() == 1


def test_observer_cannot_contribute(world, symposium):
    client = Client()
    client.force_login(world.people["observer"])
    response = client.post(
        url("symposium_contribute", symposium), {"kind": "challenge", "text": "x"}
    )
    assert response.status_code == 403


def test_member_cannot_open_the_ranking(world, symposium, candidates):
    client = Client()
    client.force_login(world.people["member"])
    client.post(url("symposium_stage", symposium), {"action": "open"})
    symposium.refresh_from_db()
    assert symposium.stage == Symposium.Stage.COLLECTING


def test_member_cannot_merge(world, symposium):
    challenge = factories.ContributionFactory(symposium=symposium)
    client = Client()
    client.force_login(world.people["member"])
    response = client.post(
        url("symposium_merge", symposium), {"challenges": [challenge.pk], "title": "T"}
    )
    assert response.status_code == 403


def test_coordinator_merges_from_the_page(world, symposium, coordinator):
    challenge = factories.ContributionFactory(symposium=symposium)
    client = Client()
    client.force_login(coordinator)
    client.post(url("symposium_merge", symposium), {"challenges": [challenge.pk], "title": "Food"})
    challenge.refresh_from_db()
    assert challenge.candidate.title == "Food"


@pytest.mark.parametrize("name", ["symposium", "symposium_results", "symposium_results_csv"])
def test_member_of_another_partnership_gets_404(world, name):
    other = factories.SymposiumFactory(partnership=world.holme_wood)
    client = Client()
    client.force_login(world.people["member"])
    assert client.get(url(name, other)).status_code == 404


def test_symposium_of_another_partnership_is_404_under_this_one(world, coordinator):
    other = factories.SymposiumFactory(partnership=world.holme_wood)
    client = Client()
    client.force_login(coordinator)
    path = reverse("symposium", kwargs={"slug": "keighley", "pk": other.pk})
    assert client.get(path).status_code == 404


def test_backbone_staff_agree_priorities_and_set_the_focus_issue(world, symposium, candidates):
    backbone = world.people["backbone"]
    services.open_ranking(symposium=symposium, by=backbone)
    services.cast_ballot(symposium=symposium, ranking=candidates, by=world.people["member"])
    services.close_ranking(symposium=symposium, by=backbone)
    client = Client()
    client.force_login(backbone)
    a, b, c = candidates
    client.post(url("symposium_agree", symposium), {"first": a.pk, "second": b.pk, "third": c.pk})
    assert FocusIssue.objects.get(partnership=world.keighley, status="active").title == "A"


def test_results_are_hidden_until_ranking_closes(world, symposium, candidates, coordinator):
    services.open_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(world.people["member"])
    page = client.get(url("symposium_results", symposium)).content.decode()
    assert "Point table" not in page


def test_results_page_reports_a_tie(world, symposium, candidates, coordinator):
    a, b, _c = candidates
    services.open_ranking(symposium=symposium, by=coordinator)
    services.cast_ballot(symposium=symposium, ranking=[a, b], by=world.people["member"])
    services.cast_ballot(symposium=symposium, ranking=[b, a], by=world.people["commissioner"])
    services.close_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(world.people["member"])
    page = client.get(url("symposium_results", symposium)).content.decode()
    assert "Tie: “A”, “B”." in page


# CSV exports --------------------------------------------------------------------------------------


def read_csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))


def test_results_csv_has_the_point_table(world, symposium, candidates, coordinator):
    a, b, c = candidates
    services.open_ranking(symposium=symposium, by=coordinator)
    services.cast_ballot(symposium=symposium, ranking=[b, a], by=world.people["member"])
    services.cast_ballot(symposium=symposium, ranking=[b, c, a], by=world.people["commissioner"])
    services.close_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(coordinator)
    rows = read_csv(client.get(url("symposium_results_csv", symposium)))
    header = rows.index(
        ["Position", "Candidate priority", "Points", "Tied", "Ranked 1", "Ranked 2", "Ranked 3"]
    )
    assert rows[header + 1 : header + 4] == [
        ["1", "B", "5", "no", "2", "0", "0"],
        ["2", "A", "2", "yes", "0", "1", "1"],
        ["2", "C", "2", "yes", "0", "1", "0"],
    ]


def test_results_csv_has_the_runoff_rounds(world, symposium, candidates, coordinator):
    a, b, _c = candidates
    services.open_ranking(symposium=symposium, by=coordinator)
    services.cast_ballot(symposium=symposium, ranking=[b, a], by=world.people["member"])
    services.close_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(coordinator)
    rows = read_csv(client.get(url("symposium_results_csv", symposium)))
    assert ["1", "B", "1", "elected"] in rows


def test_contributions_csv_lists_contributions_without_names(world, symposium, code):
    guest_client = Client()
    join(guest_client, code, name="Ayesha Khan", role="parent")
    contribute(guest_client, "challenge", "Hungry children")
    client = Client()
    client.force_login(world.people["member"])
    rows = read_csv(client.get(url("symposium_contributions_csv", symposium)))
    assert rows[1][:4] == [
        "Challenge facing children here",
        "Hungry children",
        "Parent or carer",
        "",
    ] and "Ayesha" not in str(rows)


def test_contributions_csv_never_starts_a_cell_with_a_formula(world, symposium):
    factories.ContributionFactory(symposium=symposium, text='=HYPERLINK("http://x")')
    client = Client()
    client.force_login(world.people["member"])
    rows = read_csv(client.get(url("symposium_contributions_csv", symposium)))
    assert rows[1][1].startswith("'=")


def test_codes_page_lists_guests_for_the_coordinator(symposium, code, coordinator):
    join(Client(), code, name="Sam", role="young_person")
    client = Client()
    client.force_login(coordinator)
    page = client.get(url("symposium_codes", symposium)).content.decode()
    assert "Sam" in page and "Young person" in page


def test_results_page_says_what_one_ballot_each_cannot_prevent(world, symposium, coordinator):
    factories.CandidateFactory.create_batch(2, symposium=symposium)
    services.open_ranking(symposium=symposium, by=coordinator)
    services.close_ranking(symposium=symposium, by=coordinator)
    client = Client()
    client.force_login(world.people["member"])
    page = client.get(url("symposium_results", symposium)).content.decode()
    assert "What this cannot prevent" in page
