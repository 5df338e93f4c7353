"""Symposium pages used as a person would: every form posted as the rendered page offers it.

Forms are read from the page (tests/pageforms.py), so these tests fail when a page shows no
checkbox, radio or option to choose, which hand-built POST data would never notice (issue 7,
item 1: the merge page had no checkboxes). Also what a phone sees once ranking has closed.
"""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from actlocally.partnerships.models import FocusIssue
from actlocally.symposia import services
from actlocally.symposia.models import (
    AgreedPriority,
    Ballot,
    Candidate,
    Contribution,
    Guest,
    InviteeGroup,
    Symposium,
)

from . import factories
from .pageforms import page_form, submit

# The symposium, its join code and the phone headers these tests share.
from .symposia_fixtures import *  # noqa: F403
from .symposia_fixtures import PHONE


@pytest.fixture
def signed_in(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


def url(name, symposium, **extra):
    return reverse(name, kwargs={"slug": symposium.partnership.slug, "pk": symposium.pk, **extra})


def fill(client, path, *, with_field, **values):
    """Open the page, fill the form it renders with `values`, and post it."""
    page = client.get(path, **PHONE)
    form = page_form(page, with_field=with_field)
    for name, value in values.items():
        if name in form.checkbox_names:
            form.tick(name, *([value] if isinstance(value, str) else value))
        else:
            form.set(name, value)
    return submit(client, page, form, **PHONE)


def join_from_the_page(client, code, *, name="", role="parent"):
    fill(client, reverse("join"), with_field="code", code=code.code)
    fill(client, reverse("join_name"), with_field="display_name", display_name=name)
    fill(client, reverse("join_role"), with_field="role_type", role_type=role)
    page = client.get(reverse("join_check"), **PHONE)
    return submit(client, page, page_form(page, index=-1), **PHONE)


def contribute_from_the_page(client, kind, text):
    fill(client, reverse("join_kind"), with_field="kind", kind=kind)
    fill(client, reverse("join_text"), with_field="text", text=text)
    page = client.get(reverse("join_contribution_check"), **PHONE)
    return submit(client, page, page_form(page, index=-1), **PHONE)


def challenges_from_two_phones(code) -> list[Contribution]:
    ayesha, ben = Client(), Client()
    join_from_the_page(ayesha, code, name="Ayesha")
    join_from_the_page(ben, code, role="school")
    contribute_from_the_page(ayesha, "challenge", "Children come to school hungry")
    contribute_from_the_page(ben, "challenge", "Pupils arrive without breakfast")
    contribute_from_the_page(ben, "challenge", "Tooth decay keeps pupils off school")
    return list(Contribution.objects.order_by("pk"))


# Merging and splitting (item 1) -------------------------------------------------------------------


def test_merge_page_offers_a_checkbox_for_each_challenge_the_phones_added(
    signed_in, symposium, code
):
    challenges = challenges_from_two_phones(code)
    form = page_form(signed_in.get(url("symposium_merge", symposium)), with_field="challenges")
    assert form.options["challenges"] == [str(c.pk) for c in challenges]


def test_coordinator_merges_two_challenges_ticked_on_the_page(signed_in, symposium, code):
    hungry, breakfast, _teeth = challenges_from_two_phones(code)
    page = signed_in.get(url("symposium_merge", symposium))
    form = page_form(page, with_field="challenges")
    form.choose("challenges", "hungry").choose("challenges", "breakfast")
    form.set("title", "Hunger in the school day")
    submit(signed_in, page, form)
    candidate = Candidate.objects.get(symposium=symposium)
    assert set(candidate.challenges.all()) == {hungry, breakfast}


def test_candidate_page_split_form_offers_the_candidates_challenges(signed_in, symposium, code):
    hungry, breakfast, _teeth = challenges_from_two_phones(code)
    candidate = services.merge_challenges(
        symposium=symposium, challenges=[hungry, breakfast], title="Food", by=None
    )
    page = signed_in.get(url("symposium_candidate", symposium, cpk=candidate.pk))
    form = page_form(page, with_field="split-challenges")
    assert sorted(form.options["split-challenges"]) == sorted([str(hungry.pk), str(breakfast.pk)])


def test_coordinator_splits_a_candidate_from_the_page(signed_in, symposium, code):
    hungry, breakfast, _teeth = challenges_from_two_phones(code)
    candidate = services.merge_challenges(
        symposium=symposium, challenges=[hungry, breakfast], title="Food", by=None
    )
    page = signed_in.get(url("symposium_candidate", symposium, cpk=candidate.pk))
    form = page_form(page, with_field="split-challenges")
    form.choose("split-challenges", "breakfast").set("split-title", "Breakfast")
    submit(signed_in, page, form, button=("split", "1"))
    breakfast.refresh_from_db()
    assert breakfast.candidate.title == "Breakfast"


def test_coordinator_renames_a_candidate_from_the_page(signed_in, symposium, code):
    hungry, *_rest = challenges_from_two_phones(code)
    candidate = services.merge_challenges(
        symposium=symposium, challenges=[hungry], title="Food", by=None
    )
    page = signed_in.get(url("symposium_candidate", symposium, cpk=candidate.pk))
    form = page_form(page, with_field="title").set("title", "Hunger")
    submit(signed_in, page, form, button=("save", "1"))
    candidate.refresh_from_db()
    assert candidate.title == "Hunger"


# Setting up ---------------------------------------------------------------------------------------


def test_new_symposium_form_offers_members_groups_and_organisations(world, signed_in):
    page = signed_in.get(reverse("symposium_new", kwargs={"slug": "keighley"}))
    form = page_form(page, with_field="title")
    member = world.people["member"]
    form.set("starts_at", "2027-03-04T10:00").set("venue", "Keighley Library")
    form.tick("invited_groups", InviteeGroup.PARENTS.value)
    form.tick("invited_people", str(member.pk))
    assert form.options["invited_organisations"], "no organisation offered"
    form.tick("invited_organisations", form.options["invited_organisations"][0])
    submit(signed_in, page, form)
    created = Symposium.objects.get(venue="Keighley Library")
    assert (list(created.invited_people.all()), created.invited_groups) == (
        [member],
        ["parents"],
    )


def test_edit_symposium_form_keeps_the_ticked_invitees(world, signed_in, symposium):
    symposium.invited_people.set([world.people["member"]])
    page = signed_in.get(url("symposium_edit", symposium))
    form = page_form(page, with_field="title").set("venue", "Keighley Library")
    submit(signed_in, page, form)
    symposium.refresh_from_db()
    assert list(symposium.invited_people.all()) == [world.people["member"]]


def test_coordinator_makes_a_join_code_from_the_page(signed_in, symposium):
    page = signed_in.get(url("symposium_codes", symposium))
    submit(signed_in, page, page_form(page, with_field="expires_at"))
    assert symposium.join_codes.count() == 1


def test_coordinator_stops_a_code_from_the_page(signed_in, symposium, code):
    page = signed_in.get(url("symposium_codes", symposium))
    form = page_form(page, index=1)  # the sign-out form in the header comes first
    submit(signed_in, page, form, button=("end", str(code.pk)))
    code.refresh_from_db()
    assert not code.is_valid()


def test_coordinator_removes_a_contribution_from_the_page(signed_in, symposium, code):
    hungry, *_rest = challenges_from_two_phones(code)
    page = signed_in.get(url("symposium_contribution_remove", symposium, cpk=hungry.pk))
    submit(signed_in, page, page_form(page, index=-1))
    assert not Contribution.objects.filter(pk=hungry.pk).exists()


def test_member_contributes_from_the_page(world, symposium):
    client = Client()
    client.force_login(world.people["member"])
    fill(
        client,
        url("symposium_contribute", symposium),
        with_field="kind",
        kind="barrier",
        text="Bus fares",
    )
    assert Contribution.objects.get(symposium=symposium).kind == "barrier"


# Ranking and agreeing -----------------------------------------------------------------------------


@pytest.fixture
def ranking_open(symposium, coordinator):
    for title in ("Hunger", "Dental health", "Attendance"):
        factories.CandidateFactory(symposium=symposium, title=title)
    services.open_ranking(symposium=symposium, by=coordinator)
    return list(symposium.candidates.all())


def test_phone_ranks_with_the_numbers_the_page_offers(symposium, code, ranking_open):
    phone = Client()
    join_from_the_page(phone, code)
    _attendance, dental, hunger = ranking_open  # ordered by title
    fill(
        phone,
        reverse("join_rank"),
        with_field=f"c{hunger.pk}",
        **{f"c{hunger.pk}": "1", f"c{dental.pk}": "2"},
    )
    page = phone.get(reverse("join_rank_check"), **PHONE)
    submit(phone, page, page_form(page, index=-1), **PHONE)
    ballot = Ballot.objects.get(guest__symposium=symposium)
    assert [p.candidate for p in ballot.preferences.all()] == [hunger, dental]


def test_member_ranks_with_the_numbers_the_page_offers(world, symposium, ranking_open):
    client = Client()
    client.force_login(world.people["member"])
    attendance, *_rest = ranking_open
    fill(
        client,
        url("symposium_rank", symposium),
        with_field=f"c{attendance.pk}",
        **{f"c{attendance.pk}": "1"},
    )
    assert Ballot.objects.filter(member=world.people["member"]).count() == 1


def test_coordinator_opens_and_closes_the_ranking_from_the_page(signed_in, symposium):
    factories.CandidateFactory(symposium=symposium, title="Hunger")
    factories.CandidateFactory(symposium=symposium, title="Dental health")
    for stage in ("ranking", "counted"):
        page = signed_in.get(url("symposium_stage", symposium))
        submit(signed_in, page, page_form(page, with_field="action"))
        symposium.refresh_from_db()
        assert symposium.stage == stage


def test_coordinator_agrees_the_priorities_the_page_offers(
    world, signed_in, symposium, ranking_open, coordinator
):
    attendance, dental, hunger = ranking_open
    services.cast_ballot(
        symposium=symposium, ranking=[hunger, dental, attendance], by=world.people["member"]
    )
    services.close_ranking(symposium=symposium, by=coordinator)
    page = signed_in.get(url("symposium_agree", symposium))
    form = page_form(page, with_field="first")
    assert form.values["first"] == [str(hunger.pk)], "the page should start from the count"
    form.choose("second", "Dental").choose("third", "Attendance")
    submit(signed_in, page, form)
    assert [a.title for a in AgreedPriority.objects.filter(symposium=symposium)] == [
        "Hunger",
        "Dental health",
        "Attendance",
    ]
    assert FocusIssue.objects.get(partnership=world.keighley, status="active").title == "Hunger"


def test_guest_name_and_role_come_from_the_page(symposium, code):
    join_from_the_page(Client(), code, name="Ayesha", role="police")
    assert Guest.objects.values_list("display_name", "role_type").get() == ("Ayesha", "police")


# After ranking closes (item 11) -------------------------------------------------------------------


@pytest.fixture
def counted(world, symposium, ranking_open, coordinator):
    attendance, dental, hunger = ranking_open
    services.cast_ballot(
        symposium=symposium, ranking=[hunger, dental, attendance], by=world.people["member"]
    )
    services.close_ranking(symposium=symposium, by=coordinator)
    return [hunger, dental, attendance]


@pytest.fixture
def agreed(symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    return counted


def test_phone_cannot_join_once_ranking_has_closed(symposium, code, counted):
    phone = Client()
    response = fill(phone, reverse("join"), with_field="code", code=code.code)
    page = response.content.decode()
    assert "Ranking has closed" in page and "nothing left to do" in page
    assert phone.get(reverse("join_name"), **PHONE).status_code != 200
    assert not Guest.objects.exists()


def test_joining_after_the_priorities_are_agreed_shows_them(symposium, code, agreed):
    response = fill(Client(), reverse("join"), with_field="code", code=code.code)
    page = response.content.decode()
    assert "The priorities have been agreed" in page
    assert page.index("Hunger") < page.index("Dental health") < page.index("Attendance")


def test_phone_part_way_through_joining_when_ranking_closes_is_not_joined(
    symposium, code, ranking_open, coordinator
):
    phone = Client()
    fill(phone, reverse("join"), with_field="code", code=code.code)
    fill(phone, reverse("join_name"), with_field="display_name", display_name="Sam")
    services.close_ranking(symposium=symposium, by=coordinator)
    response = phone.get(reverse("join_role"), **PHONE)
    assert "nothing left to do" in response.content.decode()
    phone.post(reverse("join_check"), **PHONE)
    assert not Guest.objects.exists()


def test_guest_sees_the_agreed_priorities_on_their_page(symposium, code, ranking_open, coordinator):
    phone = Client()
    join_from_the_page(phone, code)
    attendance, dental, hunger = ranking_open
    services.cast_ballot(symposium=symposium, ranking=[hunger, dental], guest=Guest.objects.get())
    services.close_ranking(symposium=symposium, by=coordinator)
    services.agree_priorities(
        symposium=symposium, priorities=[hunger, dental, attendance], by=coordinator
    )
    page = phone.get(reverse("join_home"), **PHONE).content.decode()
    assert "The priorities have been agreed" in page
    assert page.index("Hunger") < page.index("Dental health") < page.index("Attendance")


def test_guest_cannot_start_a_contribution_once_ranking_opens(symposium, code, coordinator):
    phone = Client()
    join_from_the_page(phone, code)
    factories.CandidateFactory(symposium=symposium, title="Hunger")
    factories.CandidateFactory(symposium=symposium, title="Dental health")
    services.open_ranking(symposium=symposium, by=coordinator)
    assert phone.get(reverse("join_kind"), **PHONE).url == reverse("join_home")


# Length limits on free text (item 15) -------------------------------------------------------------


def test_phone_contribution_page_states_the_limit_as_a_character_count(symposium, code):
    phone = Client()
    join_from_the_page(phone, code)
    fill(phone, reverse("join_kind"), with_field="kind", kind="challenge")
    page = phone.get(reverse("join_text"), **PHONE).content.decode()
    assert 'data-module="govuk-character-count" data-maxlength="1000"' in page
    assert "You can enter up to 1,000 characters" in page


def test_phone_contribution_of_3000_characters_never_reaches_check_your_answers(symposium, code):
    phone = Client()
    join_from_the_page(phone, code)
    fill(phone, reverse("join_kind"), with_field="kind", kind="challenge")
    response = fill(phone, reverse("join_text"), with_field="text", text="x" * 3000)
    assert "must be 1,000 characters or less" in response.content.decode()
    assert (
        "Check your answers"
        not in phone.get(reverse("join_contribution_check"), **PHONE).content.decode()
    )


def test_a_too_long_contribution_is_refused_by_the_service(symposium, coordinator):
    with pytest.raises(ValidationError):
        services.add_contribution(
            symposium=symposium, kind="challenge", text="x" * 1001, by=coordinator
        )


def test_a_too_long_reason_is_refused_by_the_service(symposium, counted, coordinator):
    with pytest.raises(ValidationError):
        services.agree_priorities(
            symposium=symposium, priorities=counted, reason="x" * 1001, by=coordinator
        )


def test_a_too_long_candidate_description_is_refused_by_the_service(symposium, coordinator):
    challenge = factories.ContributionFactory(symposium=symposium)
    with pytest.raises(ValidationError):
        services.merge_challenges(
            symposium=symposium,
            challenges=[challenge],
            title="Food",
            description="x" * 1001,
            by=coordinator,
        )


LIMITS = [
    # page, the form's field, its limit, whether it is a textarea with a character count
    ("symposium_new", "title", 200, False),
    ("symposium_new", "venue", 300, False),
    ("symposium_new", "purpose", 2000, True),
    ("symposium_contribute", "text", 1000, True),
    ("symposium_merge", "title", 200, False),
    ("symposium_merge", "description", 1000, True),
    ("symposium_candidate", "title", 200, False),
    ("symposium_candidate", "description", 1000, True),
    ("symposium_candidate", "split-title", 200, False),
    ("symposium_agree", "reason", 1000, True),
]


@pytest.mark.parametrize(("name", "field", "limit", "textarea"), LIMITS)
def test_every_free_text_input_says_its_limit(
    world, signed_in, symposium, coordinator, name, field, limit, textarea
):
    challenge = factories.ContributionFactory(symposium=symposium)
    candidate = services.merge_challenges(
        symposium=symposium, challenges=[challenge], title="Food", by=coordinator
    )
    if name == "symposium_agree":
        factories.CandidateFactory(symposium=symposium, title="Dental health")
        services.open_ranking(symposium=symposium, by=coordinator)
        services.cast_ballot(symposium=symposium, ranking=[candidate], by=world.people["member"])
        services.close_ranking(symposium=symposium, by=coordinator)
    if name == "symposium_new":
        path = reverse(name, kwargs={"slug": "keighley"})
    elif name == "symposium_candidate":
        path = url(name, symposium, cpk=candidate.pk)
    else:
        path = url(name, symposium)
    page = signed_in.get(path)
    form = page_form(page, with_field=field).set(field, "x" * (limit + 1))
    html = page.content.decode()
    if textarea:
        assert f'data-maxlength="{limit}"' in html
        assert f"You can enter up to {limit:,} characters" in html
    button = ("split", "1") if field == "split-title" else ("save", "1")
    response = submit(
        signed_in, page, form, button=button if name == "symposium_candidate" else None
    )
    assert f"must be {limit:,} characters or less" in response.content.decode()


def test_guest_name_says_its_limit(symposium, code):
    phone = Client()
    fill(phone, reverse("join"), with_field="code", code=code.code)
    response = fill(phone, reverse("join_name"), with_field="display_name", display_name="x" * 81)
    assert "Your name must be 80 characters or less" in response.content.decode()
