"""The two-checker release: who may submit, decide and release, blind decisions, and what leaves."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actlocally.accessaudit.models import AccessEvent
from actlocally.core.workflow import TransitionNotPermitted, WrongState
from actlocally.linkage.models import ProjectMember
from actlocally.outputs import selectors, services
from actlocally.outputs.disclosure import check_table
from actlocally.outputs.models import OutputRequest
from actlocally.statements.evidence import choices_for, resolve

from .factories_outputs import ProjectMemberFactory, output_world

pytestmark = pytest.mark.django_db

APPROVE, RETURN, REJECT = "approve", "return", "reject"


@pytest.fixture
def w():
    return output_world()


def submitted(w):
    services.submit_output(output=w.output, checkers=w.checkers[:2], by=w.analyst)
    w.output.refresh_from_db()
    return w.output


def test_a_draft_is_checked_as_soon_as_it_is_made(w):
    # Craven's 8 is withheld, and with it the next-smallest cell of its row.
    craven = w.output.result["rows"][2]
    assert craven[1] is None and craven[2] is None


def test_submitting_needs_two_different_checkers(w):
    with pytest.raises(ValidationError, match="two different checkers"):
        services.submit_output(output=w.output, checkers=w.checkers[:1], by=w.analyst)


def test_the_author_cannot_be_one_of_the_checkers(w):
    ProjectMemberFactory(project=w.project, user=w.analyst, role=ProjectMember.Role.CHECKER)
    with pytest.raises(ValidationError, match="your own output"):
        services.submit_output(output=w.output, checkers=[w.analyst, w.checkers[0]], by=w.analyst)


def test_a_checker_must_be_named_on_the_project(w):
    outsider = ProjectMemberFactory(role=ProjectMember.Role.CHECKER).user
    with pytest.raises(ValidationError, match="not a checker on this project"):
        services.submit_output(output=w.output, checkers=[outsider, w.checkers[0]], by=w.analyst)


def test_only_the_author_submits(w):
    other = ProjectMemberFactory(project=w.project).user
    with pytest.raises(TransitionNotPermitted):
        services.submit_output(output=w.output, checkers=w.checkers[:2], by=other)


def test_a_checker_not_sent_the_output_cannot_decide(w):
    output = submitted(w)
    with pytest.raises(PermissionDenied):
        services.decide(output=output, decision=APPROVE, by=w.checkers[2])


def test_one_approval_does_not_release(w):
    output = submitted(w)
    services.decide(output=output, decision=APPROVE, by=w.checkers[0])
    output.refresh_from_db()
    assert output.status == OutputRequest.Status.SUBMITTED
    with pytest.raises((TransitionNotPermitted, WrongState)):
        services.release_output(output=output, by=w.checkers[0])


def test_two_approvals_let_a_checker_release(w):
    output = submitted(w)
    for checker in w.checkers[:2]:
        services.decide(output=output, decision=APPROVE, by=checker)
    services.release_output(output=output, by=w.checkers[1])
    output.refresh_from_db()
    assert output.status == OutputRequest.Status.RELEASED


def test_the_author_cannot_release_their_own_output(w):
    output = submitted(w)
    for checker in w.checkers[:2]:
        services.decide(output=output, decision=APPROVE, by=checker)
    with pytest.raises(TransitionNotPermitted):
        services.release_output(output=output, by=w.analyst)


def test_either_rejection_rejects(w):
    output = submitted(w)
    services.decide(output=output, decision=APPROVE, by=w.checkers[0])
    services.decide(output=output, decision=REJECT, reason="Identifies a school.", by=w.checkers[1])
    output.refresh_from_db()
    assert output.status == OutputRequest.Status.REJECTED


def test_a_return_sends_it_back_and_a_resubmission_goes_to_the_same_two(w):
    output = submitted(w)
    services.decide(output=output, decision=RETURN, reason="Merge Craven.", by=w.checkers[0])
    services.decide(output=output, decision=APPROVE, by=w.checkers[1])
    output.refresh_from_db()
    assert output.status == OutputRequest.Status.RETURNED
    services.submit_output(output=output, by=w.analyst)
    latest = output.reviews.filter(round=2)
    assert {r.checker_id for r in latest} == {c.pk for c in w.checkers[:2]}


def test_returning_needs_a_reason(w):
    output = submitted(w)
    with pytest.raises(ValidationError, match="should change"):
        services.decide(output=output, decision=RETURN, by=w.checkers[0])


def test_a_checker_decides_once(w):
    output = submitted(w)
    services.decide(output=output, decision=APPROVE, by=w.checkers[0])
    with pytest.raises(ValidationError, match="already decided"):
        services.decide(output=output, decision=REJECT, reason="x", by=w.checkers[0])


def test_a_checker_does_not_see_the_other_decision_until_both_decided(w):
    output = submitted(w)
    services.decide(output=output, decision=REJECT, reason="Too small.", by=w.checkers[0])
    shown = selectors.reviews_shown(selectors.output_for_page(output.pk), w.checkers[1])
    assert [r.checker_id for r in shown["current"]] == [w.checkers[1].pk]
    assert shown["current"][0].decision == ""


def test_both_decisions_are_shown_once_both_decided(w):
    output = submitted(w)
    services.decide(output=output, decision=APPROVE, by=w.checkers[0])
    services.decide(output=output, decision=APPROVE, by=w.checkers[1])
    shown = selectors.reviews_shown(selectors.output_for_page(output.pk), w.checkers[0])
    assert len(shown["current"]) == 2


def test_the_queue_holds_only_outputs_sent_to_that_checker(w):
    submitted(w)
    assert list(selectors.check_queue(w.checkers[0])) == [w.output]
    assert list(selectors.check_queue(w.checkers[2])) == []


def test_a_release_is_in_the_access_audit(w):
    output = submitted(w)
    for checker in w.checkers[:2]:
        services.decide(output=output, decision=APPROVE, by=checker)
    services.release_output(output=output, by=w.checkers[0])
    event = AccessEvent.objects.get(person=w.checkers[0], kind="linked_output")
    assert event.object_id == output.pk and event.partnership == w.project.partnership


def test_only_released_outputs_are_evidence(w):
    partnership = w.project.partnership
    assert [c for c in choices_for(partnership) if c[0].startswith("released_output")] == []
    output = submitted(w)
    for checker in w.checkers[:2]:
        services.decide(output=output, decision=APPROVE, by=checker)
    services.release_output(output=output, by=w.checkers[0])
    evidence = resolve(partnership, f"released_output:{output.pk}")
    assert evidence.chart_rows[2][:3] == ["Craven", "[c]", "[c]"]


def test_a_csv_with_a_bad_row_names_it_and_keeps_nothing():
    data = b"Ward,Dental\nKeighley Central,12\nCraven\n"
    with pytest.raises(ValidationError) as caught:
        services.table_from_csv(data)
    assert "Row 3 has 1 cells" in " ".join(caught.value.messages)


def test_a_csv_table_is_read_with_its_labels():
    table = services.table_from_csv(b"Ward,Year,Dental\nKC,Y7,12\nKC,Y8,30\n", label_columns=2)
    assert table["columns"] == ["Ward", "Year", "Dental"] and len(table["rows"]) == 2


def test_a_later_release_differing_by_a_small_count_is_flagged(w):
    output = submitted(w)
    for checker in w.checkers[:2]:
        services.decide(output=output, decision=APPROVE, by=checker)
    services.release_output(output=output, by=w.checkers[0])
    table = {
        "columns": ["Ward", "Dental", "Other"],
        "rows": [["Keighley Central", 209, 1843], ["Worth Valley", 64, 1138], ["Craven", 8, 1024]],
    }
    again = services.draft_output(
        project=w.project,
        title=output.title,
        description="Again, three fewer.",
        table=table,
        source=OutputRequest.Source.UPLOAD,
        by=w.analyst,
    )
    assert {"row": "Keighley Central", "column": "Dental"}.items() <= again.result["flags"][
        0
    ].items()


def test_a_checkers_comment_is_hidden_from_the_other_until_both_decided(w):
    output = submitted(w)
    services.add_comment(output=output, text="I would reject this.", by=w.checkers[0])
    shown = selectors.reviews_shown(selectors.output_for_page(output.pk), w.checkers[1])
    assert shown["comments"] == []
    by_author = selectors.reviews_shown(selectors.output_for_page(output.pk), w.analyst)
    assert [c.text for c in by_author["comments"]] == ["I would reject this."]


def test_an_analysis_table_keeps_only_its_counts_and_adds_no_row_totals(w):
    table = services.table_from_analysis(
        columns=["Ward", "Children", "Absent for dental reasons", "Sessions missed"],
        rows=[["Keighley Central", 2055, 212, 731], ["Craven", 1032, 8, 20]],
        count_columns=["Children", "Absent for dental reasons"],
    )
    result = check_table(table)
    assert result.columns == ["Ward", "Children", "Absent for dental reasons"]
    assert result.rows[-1] == ["Total", 3085, 220]


def test_submitting_tells_the_two_checkers(w):
    from actlocally.notifications.models import Notification

    submitted(w)
    told = Notification.objects.filter(kind="output_to_check")
    assert {n.recipient for n in told} == set(w.checkers[:2])


def test_the_second_decision_tells_the_author(w):
    from actlocally.notifications.models import Notification

    output = submitted(w)
    services.decide(output=output, decision=APPROVE, by=w.checkers[0])
    assert not Notification.objects.filter(kind="output_decided").exists()
    services.decide(output=output, decision=REJECT, reason="Identifies a school.", by=w.checkers[1])
    told = Notification.objects.get(kind="output_decided")
    assert (told.recipient, "Rejected" in told.body) == (w.analyst, True)
