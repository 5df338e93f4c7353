"""Symposium rules: join codes, contributions, merging, ballots, agreeing priorities, evidence."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from actlocally.journey.models import StepProgress
from actlocally.partnerships.models import FocusIssue
from actlocally.symposia import services
from actlocally.symposia.models import AgreedPriority, Ballot, Contribution, Symposium

from . import factories


@pytest.fixture
def coordinator(world):
    return world.people["coordinator"]


@pytest.fixture
def symposium(world, coordinator):
    return services.create_symposium(
        partnership=world.keighley,
        title="Keighley learning symposium",
        starts_at=timezone.now() + datetime.timedelta(hours=2),
        venue="Keighley Civic Centre",
        invited_groups=["schools", "health"],
        by=coordinator,
    )


def challenges(symposium, *texts, by):
    return [
        services.add_contribution(symposium=symposium, kind="challenge", text=t, by=by)
        for t in texts
    ]


@pytest.fixture
def ranking(symposium, coordinator):
    """A symposium with three candidate priorities and ranking open."""
    a, b, c = challenges(symposium, "Hunger", "Tooth decay", "Role models", by=coordinator)
    cands = [
        services.merge_challenges(symposium=symposium, challenges=[x], title=t, by=coordinator)
        for x, t in [(a, "Food"), (b, "Oral health"), (c, "Aspiration")]
    ]
    services.open_ranking(symposium=symposium, by=coordinator)
    return cands


def step_status(partnership, key):
    progress = StepProgress.objects.filter(partnership=partnership, step__key=key).first()
    return progress.status if progress else None


# Join codes ---------------------------------------------------------------------------------------


def test_join_code_is_six_unambiguous_characters(symposium, coordinator):
    code = services.create_join_code(symposium=symposium, by=coordinator).code
    assert len(code) == 6 and set(code) <= set(services.CODE_ALPHABET)


def test_join_code_expires_at_end_of_event_day_by_default(symposium, coordinator):
    code = services.create_join_code(symposium=symposium, by=coordinator)
    assert code.expires_at == symposium.event_day_ends_at


def test_join_code_in_the_past_is_refused(symposium, coordinator):
    with pytest.raises(ValidationError):
        services.create_join_code(
            symposium=symposium,
            expires_at=timezone.now() - datetime.timedelta(minutes=1),
            by=coordinator,
        )


def test_join_code_accepts_lower_case_and_spaces(symposium, coordinator):
    code = services.create_join_code(symposium=symposium, by=coordinator)
    spaced = f" {code.code[:3].lower()} {code.code[3:].lower()} "
    assert services.check_join_code(spaced) == code


def test_join_code_expired_is_refused(symposium):
    code = factories.JoinCodeFactory(symposium=symposium)
    code.expires_at = timezone.now()
    code.save()
    with pytest.raises(ValidationError, match="expired"):
        services.check_join_code(code.code)


def test_join_code_for_another_symposium_is_refused(world, symposium):
    other = factories.SymposiumFactory(partnership=world.holme_wood)
    code = factories.JoinCodeFactory(symposium=other)
    with pytest.raises(ValidationError, match="different symposium"):
        services.check_join_code(code.code, symposium=symposium)


def test_join_code_unknown_is_refused(db):
    with pytest.raises(ValidationError, match="do not recognise"):
        services.check_join_code("QQQQQQ")


def test_ended_join_code_no_longer_lets_a_guest_act(symposium, coordinator):
    code = services.create_join_code(symposium=symposium, by=coordinator)
    _guest, token = services.join_as_guest(join_code=code, display_name="", role_type="parent")
    services.end_join_code(join_code=code, by=coordinator)
    assert services.guest_for_token(token) is None


def test_guest_of_another_symposium_cannot_contribute(world, symposium):
    other = factories.SymposiumFactory(partnership=world.holme_wood)
    guest = factories.GuestFactory(symposium=other)
    with pytest.raises(ValidationError, match="different symposium"):
        services.add_contribution(symposium=symposium, kind="challenge", text="x", guest=guest)


def test_guest_with_expired_code_cannot_contribute(symposium):
    guest = factories.GuestFactory(symposium=symposium)
    guest.join_code.expires_at = timezone.now()
    guest.join_code.save()
    with pytest.raises(ValidationError, match="expired"):
        services.add_contribution(symposium=symposium, kind="challenge", text="x", guest=guest)


def test_same_device_joining_again_stays_one_guest(symposium, coordinator):
    first = services.create_join_code(symposium=symposium, by=coordinator)
    second = services.create_join_code(symposium=symposium, by=coordinator)
    guest, token = services.join_as_guest(join_code=first, display_name="", role_type="parent")
    again, _token = services.join_as_guest(
        join_code=second, display_name="Sam", role_type="parent", token=token
    )
    assert again.pk == guest.pk


def test_forget_guest_names_erases_names_of_past_symposia(symposium):
    factories.GuestFactory(symposium=symposium, display_name="Sam")
    services.forget_guest_names(before=symposium.starts_at + datetime.timedelta(days=1))
    assert symposium.guests.get().display_name == ""


# Contributions and merging ------------------------------------------------------------------------


def test_contribution_marks_its_journey_step_in_progress(world, symposium, coordinator):
    services.add_contribution(
        symposium=symposium, kind="barrier", text="Data sharing", by=coordinator
    )
    assert step_status(world.keighley, "identify-barriers") == "in_progress"


def test_contribution_after_ranking_opens_is_refused(symposium, ranking, coordinator):
    with pytest.raises(ValidationError, match="closed"):
        services.add_contribution(symposium=symposium, kind="challenge", text="x", by=coordinator)


def test_empty_contribution_is_refused(symposium, coordinator):
    with pytest.raises(ValidationError):
        services.add_contribution(symposium=symposium, kind="challenge", text="  ", by=coordinator)


def test_merge_links_every_original_challenge(symposium, coordinator):
    originals = challenges(symposium, "Hungry pupils", "No breakfast", by=coordinator)
    candidate = services.merge_challenges(
        symposium=symposium, challenges=originals, title="Food insecurity", by=coordinator
    )
    assert set(candidate.challenges.all()) == set(originals)


def test_merge_refuses_a_title_already_used(symposium, coordinator):
    a, b = challenges(symposium, "Hungry pupils", "No breakfast", by=coordinator)
    services.merge_challenges(symposium=symposium, challenges=[a], title="Food", by=coordinator)
    with pytest.raises(ValidationError, match="already"):
        services.merge_challenges(symposium=symposium, challenges=[b], title="food", by=coordinator)


def test_merge_refuses_a_barrier(symposium, coordinator):
    barrier = services.add_contribution(
        symposium=symposium, kind="barrier", text="Funding", by=coordinator
    )
    with pytest.raises(ValidationError):
        services.merge_challenges(
            symposium=symposium, challenges=[barrier], title="Money", by=coordinator
        )


def test_split_moves_challenges_to_a_new_candidate(symposium, coordinator):
    a, b = challenges(symposium, "Hungry pupils", "Tooth decay", by=coordinator)
    food = services.merge_challenges(
        symposium=symposium, challenges=[a, b], title="Food", by=coordinator
    )
    teeth = services.split_candidate(
        candidate=food, challenges=[b], title="Oral health", by=coordinator
    )
    assert (list(food.challenges.all()), list(teeth.challenges.all())) == ([a], [b])


def test_split_must_leave_a_challenge_behind(symposium, coordinator):
    a, b = challenges(symposium, "Hungry pupils", "Tooth decay", by=coordinator)
    food = services.merge_challenges(
        symposium=symposium, challenges=[a, b], title="Food", by=coordinator
    )
    with pytest.raises(ValidationError, match="Leave at least one"):
        services.split_candidate(candidate=food, challenges=[a, b], title="All", by=coordinator)


def test_deleting_a_candidate_unmerges_its_challenges(symposium, coordinator):
    (a,) = challenges(symposium, "Hungry pupils", by=coordinator)
    food = services.merge_challenges(
        symposium=symposium, challenges=[a], title="Food", by=coordinator
    )
    services.delete_candidate(candidate=food, by=coordinator)
    a.refresh_from_db()
    assert a.candidate is None


def test_open_ranking_needs_two_candidates(symposium, coordinator):
    (a,) = challenges(symposium, "Hungry pupils", by=coordinator)
    services.merge_challenges(symposium=symposium, challenges=[a], title="Food", by=coordinator)
    with pytest.raises(ValidationError, match="at least two"):
        services.open_ranking(symposium=symposium, by=coordinator)


def test_open_ranking_ticks_share_challenges(world, symposium, ranking):
    assert step_status(world.keighley, "share-challenges") == "done"


def test_candidates_cannot_change_once_ranking_opens(ranking, coordinator):
    with pytest.raises(ValidationError, match="can no longer change"):
        services.update_candidate(
            candidate=ranking[0], title="Other", description="", by=coordinator
        )


# Ballots ------------------------------------------------------------------------------------------


def test_member_ballot_is_recorded_in_order(world, symposium, ranking):
    ballot = services.cast_ballot(
        symposium=symposium, ranking=[ranking[1], ranking[0]], by=world.people["member"]
    )
    assert list(ballot.preferences.values_list("candidate", "place")) == [
        (ranking[1].pk, 1),
        (ranking[0].pk, 2),
    ]


def test_member_cannot_cast_a_second_ballot(world, symposium, ranking):
    services.cast_ballot(symposium=symposium, ranking=[ranking[0]], by=world.people["member"])
    with pytest.raises(ValidationError, match="already ranked"):
        services.cast_ballot(symposium=symposium, ranking=[ranking[1]], by=world.people["member"])


def test_guest_cannot_cast_a_second_ballot(symposium, ranking):
    guest = factories.GuestFactory(symposium=symposium)
    services.cast_ballot(symposium=symposium, ranking=[ranking[0]], guest=guest)
    with pytest.raises(ValidationError, match="already ranked"):
        services.cast_ballot(symposium=symposium, ranking=[ranking[1]], guest=guest)


def test_database_refuses_a_second_member_ballot(world, symposium):
    Ballot.objects.create(symposium=symposium, member=world.people["member"])
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(symposium=symposium, member=world.people["member"])


def test_database_refuses_a_ballot_from_member_and_guest(world, symposium):
    guest = factories.GuestFactory(symposium=symposium)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ballot.objects.create(symposium=symposium, member=world.people["member"], guest=guest)


def test_database_refuses_a_place_used_twice(symposium, ranking):
    ballot = Ballot.objects.create(symposium=symposium)
    factories.PreferenceFactory(ballot=ballot, candidate=ranking[0], place=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PreferenceFactory(ballot=ballot, candidate=ranking[1], place=1)


def test_database_refuses_place_zero(symposium, ranking):
    ballot = Ballot.objects.create(symposium=symposium)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.PreferenceFactory(ballot=ballot, candidate=ranking[0], place=0)


def test_database_refuses_merging_a_non_challenge(symposium):
    candidate = factories.CandidateFactory(symposium=symposium)
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ContributionFactory(symposium=symposium, kind="barrier", candidate=candidate)


def test_database_refuses_a_fourth_priority(symposium):
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.AgreedPriorityFactory(symposium=symposium, urgency=4)


def test_database_refuses_two_candidates_with_one_title(symposium):
    factories.CandidateFactory(symposium=symposium, title="Food")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.CandidateFactory(symposium=symposium, title="FOOD")


def test_database_refuses_ranking_closing_before_it_opens(symposium):
    symposium.ranking_opened_at = timezone.now()
    symposium.ranking_closed_at = symposium.ranking_opened_at - datetime.timedelta(minutes=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        symposium.save()


def test_ballot_before_ranking_opens_is_refused(world, symposium):
    candidate = factories.CandidateFactory(symposium=symposium)
    with pytest.raises(ValidationError, match="not open"):
        services.cast_ballot(symposium=symposium, ranking=[candidate], by=world.people["member"])


def test_ballot_after_ranking_closes_is_refused(world, symposium, ranking, coordinator):
    services.close_ranking(symposium=symposium, by=coordinator)
    with pytest.raises(ValidationError, match="not open"):
        services.cast_ballot(symposium=symposium, ranking=[ranking[0]], by=world.people["member"])


# Agreeing priorities ------------------------------------------------------------------------------


def vote(symposium, people, order):
    for person in people:
        services.cast_ballot(symposium=symposium, ranking=order, by=person)


@pytest.fixture
def counted(world, symposium, ranking, coordinator):
    food, teeth, aspiration = ranking
    vote(
        symposium,
        [world.people[r] for r in ("member", "commissioner", "community_rep")],
        [teeth, food, aspiration],
    )
    services.close_ranking(symposium=symposium, by=coordinator)
    return teeth, food, aspiration


def test_agreeing_sets_the_first_as_the_active_focus_issue(world, symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    active = FocusIssue.objects.get(partnership=world.keighley, status="active")
    assert active.title == "Oral health"


def test_agreeing_moves_the_old_focus_issue_into_history(world, symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    world.focus.refresh_from_db()
    assert world.focus.status == FocusIssue.Status.PAST


def test_agreeing_links_a_focus_issue_with_the_same_title(world, symposium, counted, coordinator):
    world.focus.title = "  oral   HEALTH "
    world.focus.save()
    agreed = services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    assert (
        agreed[0].focus_issue,
        FocusIssue.objects.filter(partnership=world.keighley).count(),
    ) == (
        world.focus,
        1,
    )


def test_agreeing_three_ticks_the_journey_step(world, symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    assert step_status(world.keighley, "agree-three-priorities") == "done"


def test_agreeing_two_leaves_the_journey_step_in_progress(world, symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted[:2], by=coordinator)
    assert step_status(world.keighley, "agree-three-priorities") == "in_progress"


def test_agreeing_a_different_order_needs_a_reason(symposium, counted, coordinator):
    teeth, food, aspiration = counted
    with pytest.raises(ValidationError, match="Say why"):
        services.agree_priorities(
            symposium=symposium, priorities=[food, teeth, aspiration], by=coordinator
        )


def test_agreeing_a_different_order_with_a_reason_is_recorded(symposium, counted, coordinator):
    teeth, food, aspiration = counted
    services.agree_priorities(
        symposium=symposium,
        priorities=[food, teeth, aspiration],
        reason="Food comes first: the Food Conversation is in autumn.",
        by=coordinator,
    )
    symposium.refresh_from_db()
    assert (symposium.stage, symposium.agreement_reason) == (
        Symposium.Stage.AGREED,
        "Food comes first: the Food Conversation is in autumn.",
    )


def test_agreeing_keeps_the_count_position(symposium, counted, coordinator):
    services.agree_priorities(symposium=symposium, priorities=counted, by=coordinator)
    assert list(
        AgreedPriority.objects.filter(symposium=symposium).values_list("urgency", "result_position")
    ) == [(1, 1), (2, 2), (3, 3)]


def test_agreeing_with_a_tie_needs_a_reason(world, symposium, ranking, coordinator):
    food, teeth, _aspiration = ranking
    vote(symposium, [world.people["member"]], [food, teeth])
    vote(symposium, [world.people["commissioner"]], [teeth, food])
    services.close_ranking(symposium=symposium, by=coordinator)
    with pytest.raises(ValidationError, match="Say why"):
        services.agree_priorities(symposium=symposium, priorities=[food, teeth], by=coordinator)


def test_agreeing_before_ranking_closes_is_refused(symposium, ranking, coordinator):
    with pytest.raises(ValidationError, match="Close the ranking"):
        services.agree_priorities(symposium=symposium, priorities=ranking, by=coordinator)


# Held -------------------------------------------------------------------------------------------


def test_marking_held_ticks_hold_learning_symposium(world, symposium, coordinator):
    services.mark_held(symposium=symposium, by=coordinator)
    assert step_status(world.keighley, "hold-learning-symposium") == "done"


def test_a_future_symposium_is_not_yet_held(world, symposium):
    assert step_status(world.keighley, "hold-learning-symposium") is None


def test_a_symposium_recorded_after_its_date_counts_as_held(world, coordinator):
    services.create_symposium(
        partnership=world.keighley,
        title="Earlier symposium",
        starts_at=timezone.now() - datetime.timedelta(days=3),
        venue="School hall",
        by=coordinator,
    )
    assert step_status(world.keighley, "hold-learning-symposium") == "done"


def test_invited_people_must_be_members(world, coordinator):
    with pytest.raises(ValidationError, match="not a member"):
        services.create_symposium(
            partnership=world.keighley,
            title="S",
            starts_at=timezone.now(),
            venue="V",
            invited_people=[world.outsider],
            by=coordinator,
        )


def test_every_symposium_model_names_its_personal_data():
    from django.apps import apps

    for model in apps.get_app_config("symposia").get_models():
        fields = {f.name for f in model._meta.get_fields() if f.concrete and not f.auto_created}
        assert fields == set(model.PERSONAL_DATA), model.__name__


def test_contribution_kinds_each_tick_a_journey_step():
    assert set(services.STEP_FOR_KIND) == set(Contribution.Kind)
