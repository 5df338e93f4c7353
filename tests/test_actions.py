"""The action plan: overdue derivation, who may update what, progress notes, the plan page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

from actlocally.actions import services
from actlocally.actions.models import Action, ProgressNote
from actlocally.journey.models import StepProgress
from actlocally.partnerships import services as partnership_services

from . import factories

TODAY = datetime.date(2025, 3, 1)


def make(world, **kwargs):
    return factories.ActionFactory(partnership=world.keighley, focus_issue=world.focus, **kwargs)


@pytest.mark.parametrize(
    ("status", "due", "overdue"),
    [
        ("on_track", TODAY - datetime.timedelta(days=1), True),
        ("at_risk", TODAY - datetime.timedelta(days=1), True),
        ("not_started", TODAY - datetime.timedelta(days=1), True),
        ("on_track", TODAY, False),
        ("on_track", None, False),
        ("done", TODAY - datetime.timedelta(days=1), False),
        ("dropped", TODAY - datetime.timedelta(days=1), False),
    ],
)
def test_action_is_overdue_only_when_open_and_past_due(status, due, overdue):
    assert Action(status=status, due_on=due).is_overdue(TODAY) is overdue


def test_overdue_queryset_matches_the_derivation(world):
    late = make(world, status="on_track", due_on=TODAY - datetime.timedelta(days=3))
    make(world, status="done", due_on=TODAY - datetime.timedelta(days=3))
    make(world, status="on_track", due_on=TODAY + datetime.timedelta(days=3))
    assert list(Action.objects.overdue(TODAY)) == [late]


def test_display_status_filter_keeps_overdue_actions_out_of_their_stored_status(world):
    make(world, status="at_risk", due_on=TODAY - datetime.timedelta(days=3))
    in_time = make(world, status="at_risk", due_on=TODAY + datetime.timedelta(days=3))
    assert list(Action.objects.with_display_status("at_risk", TODAY)) == [in_time]


def test_action_status_must_be_known(world):
    with pytest.raises(IntegrityError):
        make(world, status="sort_of")


def test_creating_the_first_action_starts_the_action_plan_step(world):
    # One action is a start, not a plan: tests/test_places_assets.py has the rule for done.
    services.create_action(
        partnership=world.keighley, title="BRUSH campaign", by=world.people["coordinator"]
    )
    progress = StepProgress.objects.get(partnership=world.keighley, step__key="develop-action-plan")
    assert (progress.status, progress.automatic) == ("in_progress", True)


def test_new_action_belongs_to_the_active_focus_issue(world):
    action = services.create_action(
        partnership=world.keighley, title="BRUSH", by=world.people["coordinator"]
    )
    assert action.focus_issue == world.focus


def test_owner_must_be_a_member_of_the_partnership(world):
    with pytest.raises(ValidationError) as error:
        services.create_action(
            partnership=world.keighley,
            title="BRUSH",
            owner=world.outsider,
            by=world.people["coordinator"],
        )
    assert "owner" in error.value.error_dict


def test_owner_organisation_defaults_to_the_one_they_represent(world):
    membership = world.coordinator_membership
    membership.organisation = world.organisation
    membership.save()
    action = services.create_action(
        partnership=world.keighley, title="BRUSH", owner=membership.person, by=membership.person
    )
    assert action.owner_organisation == world.organisation


def test_outcome_must_belong_to_the_focus_issue(world):
    other = factories.IntendedOutcomeFactory(
        focus_issue=factories.FocusIssueFactory(partnership=world.holme_wood)
    )
    with pytest.raises(ValidationError) as error:
        services.create_action(
            partnership=world.keighley, title="BRUSH", outcome=other, by=world.people["coordinator"]
        )
    assert "outcome" in error.value.error_dict


def test_progress_needs_a_note_or_a_new_status(world):
    action = make(world, status="on_track")
    with pytest.raises(ValidationError):
        services.add_progress(
            action=action, status="on_track", note="  ", by=world.people["coordinator"]
        )


def test_progress_records_the_status_change_in_the_log(world):
    action = make(world, status="on_track")
    services.add_progress(
        action=action, status="at_risk", note="Dentist left.", by=world.people["member"]
    )
    note = action.notes.get()
    assert (note.status_before, note.status_after, note.text, note.written_by) == (
        "on_track",
        "at_risk",
        "Dentist left.",
        world.people["member"],
    )


def test_progress_notes_cannot_be_changed(world):
    note = factories.ProgressNoteFactory(action=make(world))
    note.text = "Rewritten history"
    with pytest.raises(ValidationError):
        note.save()


def test_progress_note_must_say_something(world):
    with pytest.raises(IntegrityError):
        ProgressNote.objects.create(action=make(world), text="", status_after="")


def test_owner_may_update_their_own_action(client, world):
    action = make(world, owner=world.people["member"], status="on_track")
    client.force_login(world.people["member"])
    url = reverse("action_update", kwargs={"slug": "keighley", "pk": action.pk})
    response = client.post(url, {"status": "at_risk", "note": "Waiting for the dental team."})
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == "at_risk"


def test_member_may_not_update_another_members_action(client, world):
    action = make(world, owner=world.people["community_rep"], status="on_track")
    client.force_login(world.people["member"])
    url = reverse("action_update", kwargs={"slug": "keighley", "pk": action.pk})
    response = client.post(url, {"status": "done", "note": ""})
    assert response.status_code == 403
    action.refresh_from_db()
    assert action.status == "on_track"


def test_owner_who_left_the_partnership_may_no_longer_update(client, world):
    owner = world.people["member"]
    action = make(world, owner=owner)
    owner.memberships.all().delete()
    client.force_login(owner)
    url = reverse("action_update", kwargs={"slug": "keighley", "pk": action.pk})
    assert client.get(url).status_code == 404


def test_owner_may_not_change_the_action_itself(client, world):
    action = make(world, owner=world.people["member"])
    client.force_login(world.people["member"])
    url = reverse("action_edit", kwargs={"slug": "keighley", "pk": action.pk})
    assert client.get(url).status_code == 403


def test_coordinator_may_update_any_action(client, world):
    action = make(world, owner=world.people["member"], status="on_track")
    client.force_login(world.people["coordinator"])
    url = reverse("action_update", kwargs={"slug": "keighley", "pk": action.pk})
    client.post(url, {"status": "done", "note": "Kits delivered."})
    action.refresh_from_db()
    assert action.status == "done"


def test_action_of_another_partnership_is_not_found(client, world):
    action = factories.ActionFactory(partnership=world.holme_wood)
    client.force_login(world.people["coordinator"])
    url = reverse("action_detail", kwargs={"slug": "keighley", "pk": action.pk})
    assert client.get(url).status_code == 404


def test_plan_page_filters_by_status_without_javascript(client, world):
    make(
        world,
        title="Late one",
        status="on_track",
        due_on=timezone.localdate() - datetime.timedelta(days=2),
    )
    make(world, title="Fine one", status="on_track")
    client.force_login(world.people["member"])
    response = client.get(
        reverse("action_plan", kwargs={"slug": "keighley"}), {"status": "overdue"}
    )
    titles = [a.title for a in response.context["actions"]]
    assert titles == ["Late one"]


def test_plan_page_counts_overdue_and_at_risk(client, world):
    make(world, status="on_track", due_on=timezone.localdate() - datetime.timedelta(days=2))
    make(world, status="at_risk")
    make(world, status="at_risk")
    client.force_login(world.people["member"])
    response = client.get(reverse("action_plan", kwargs={"slug": "keighley"}))
    counts = {c["key"]: c["count"] for c in response.context["counts"]}
    assert (counts["overdue"], counts["at_risk"]) == (1, 2)


def test_plan_page_filters_by_owner_and_outcome(client, world):
    outcome = world.focus.outcomes.get()
    mine = make(world, owner=world.people["member"], outcome=outcome)
    make(world, owner=world.people["member"])
    make(world, outcome=outcome)
    client.force_login(world.people["member"])
    response = client.get(
        reverse("action_plan", kwargs={"slug": "keighley"}),
        {"owner": world.people["member"].pk, "outcome": outcome.pk},
    )
    assert list(response.context["actions"]) == [mine]


def test_csv_export_has_a_row_per_action_and_defuses_formulas(client, world):
    make(world, title="=HYPERLINK(1)")
    make(world, title="Healthy Start Champions training")
    client.force_login(world.people["member"])
    response = client.get(reverse("action_plan_csv", kwargs={"slug": "keighley"}))
    lines = response.content.decode("utf-8-sig").splitlines()
    assert (len(lines), lines[1].split(",")[0]) == (3, "'=HYPERLINK(1)")


def test_editing_the_focus_issue_keeps_actions_linked_to_their_outcomes(world):
    outcome = world.focus.outcomes.get()
    action = make(world, outcome=outcome)
    partnership_services.update_focus_issue(
        focus_issue=world.focus,
        title=world.focus.title,
        summary="",
        outcomes=["A new first outcome", outcome.text],
        by=world.people["coordinator"],
    )
    action.refresh_from_db()
    assert (action.outcome_id, action.outcome.order) == (outcome.pk, 2)


def test_rewording_an_outcome_keeps_its_links(world):
    outcome = world.focus.outcomes.get()
    action = make(world, outcome=outcome)
    partnership_services.update_focus_issue(
        focus_issue=world.focus,
        title="t",
        summary="",
        outcomes=["Reworded"],
        by=world.people["coordinator"],
    )
    action.refresh_from_db()
    assert action.outcome.text == "Reworded"


def test_plan_page_tells_an_owner_about_their_open_actions(client, world):
    make(world, owner=world.people["member"], status="on_track")
    make(world, owner=world.people["member"], status="done")
    client.force_login(world.people["member"])
    response = client.get(reverse("action_plan", kwargs={"slug": "keighley"}))
    assert len(response.context["mine"]) == 1
