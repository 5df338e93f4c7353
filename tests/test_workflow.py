"""Declared workflows (core/workflow.py): every declared transition is allowed for the roles the
permission table names and refused, with nothing written, for everyone else; undeclared
transitions and wrong states are refused; each transition is audited by name."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.template import Context, Template
from django.utils import timezone

from actlocally.core.workflow import (
    Transition,
    TransitionNotPermitted,
    UndeclaredTransition,
    Workflow,
    WrongState,
)
from actlocally.statements import services as statement_services
from actlocally.statements.models import StatementVersion
from actlocally.statements.workflow import WORKFLOW as STATEMENTS
from actlocally.symposia import services as symposium_services
from actlocally.symposia.models import Symposium
from actlocally.symposia.workflow import WORKFLOW as SYMPOSIA
from tests.factories import MEMBER_ROLES

pytestmark = pytest.mark.django_db

# Who runs each workflow, by the permission table: the co-ordinator, backbone staff, site staff.
RUNNERS = {"coordinator", "backbone", "staff"}
EVERYONE = [*MEMBER_ROLES, "backbone", "board", "staff", "no_role", "outsider"]


def _cases(runners: bool) -> list:
    return [
        pytest.param(workflow, t.name, role, id=f"{workflow.model.__name__}-{t.name}-{role}")
        for workflow in (STATEMENTS, SYMPOSIA)
        for t in workflow.transitions
        for role in EVERYONE
        if (role in RUNNERS) == runners
    ]


def _person(world, role):
    return world.outsider if role == "outsider" else world.people[role]


def _in_source_state(world, workflow, name):
    """An object of the workflow's model, put straight into the transition's source state."""
    transition = workflow.by_name[name]
    source = sorted(transition.source)[0]
    if workflow is STATEMENTS:
        version = statement_services.start_statement(focus_issue=world.focus, by=None)
        StatementVersion.objects.filter(pk=version.pk).update(status=source)
        version.refresh_from_db()
        # Agreeing needs its date and record, which the service sets before the move.
        version.agreed_on = datetime.date(2024, 1, 15)
        version.recorded_at = timezone.now()
        return version
    symposium = symposium_services.create_symposium(
        partnership=world.keighley,
        title="Keighley learning symposium",
        starts_at=timezone.now() + datetime.timedelta(days=1),
        venue="Keighley Civic Centre",
        by=world.people["coordinator"],
    )
    Symposium.objects.filter(pk=symposium.pk).update(stage=source)
    symposium.refresh_from_db()
    return symposium


def _transition_entries(obj):
    return LogEntry.objects.get_for_object(obj).filter(additional_data__has_key="transition")


@pytest.mark.parametrize(("workflow", "name", "role"), _cases(runners=True))
def test_the_people_who_run_it_may_make_each_transition(world, workflow, name, role):
    obj = _in_source_state(world, workflow, name)
    workflow.run(obj, name, by=_person(world, role))
    obj.refresh_from_db()
    assert workflow.state_of(obj) == workflow.by_name[name].target


@pytest.mark.parametrize(("workflow", "name", "role"), _cases(runners=False))
def test_everyone_else_is_refused_and_nothing_is_written(world, workflow, name, role):
    obj = _in_source_state(world, workflow, name)
    before = workflow.state_of(obj)
    entries = LogEntry.objects.count()
    with pytest.raises(TransitionNotPermitted):
        workflow.run(obj, name, by=_person(world, role))
    obj.refresh_from_db()
    assert (workflow.state_of(obj), LogEntry.objects.count()) == (before, entries)


def test_the_refusal_says_which_step_was_refused(world):
    obj = _in_source_state(world, SYMPOSIA, "open_ranking")
    with pytest.raises(TransitionNotPermitted, match="open the ranking"):
        SYMPOSIA.run(obj, "open_ranking", by=world.people["member"])


def test_an_undeclared_transition_is_refused(world):
    obj = _in_source_state(world, STATEMENTS, "circulate")
    with pytest.raises(UndeclaredTransition, match="no step called “publish”"):
        STATEMENTS.run(obj, "publish", by=world.people["coordinator"])


def test_an_undeclared_transition_writes_nothing(world):
    obj = _in_source_state(world, SYMPOSIA, "open_ranking")
    entries = LogEntry.objects.count()
    with pytest.raises(UndeclaredTransition):
        SYMPOSIA.run(obj, "reopen_ranking", by=None)
    obj.refresh_from_db()
    assert (obj.stage, LogEntry.objects.count()) == ("collecting", entries)


def test_the_statement_service_refuses_an_undeclared_transition(world):
    version = statement_services.start_statement(focus_issue=world.focus, by=None)
    with pytest.raises(UndeclaredTransition):
        statement_services.transition(version=version, name="publish", by=None)


def test_a_transition_from_the_wrong_state_is_refused_with_its_own_words(world):
    version = statement_services.start_statement(focus_issue=world.focus, by=None)
    with pytest.raises(WrongState, match="only a version circulated for comment can be recorded"):
        STATEMENTS.run(version, "agree", by=world.people["coordinator"])


def test_a_symposium_service_refuses_someone_who_may_not_run_it(world):
    symposium = _in_source_state(world, SYMPOSIA, "close_ranking")
    with pytest.raises(TransitionNotPermitted):
        symposium_services.close_ranking(symposium=symposium, by=world.people["member"])
    symposium.refresh_from_db()
    assert (symposium.stage, symposium.ranking_closed_at) == ("ranking", None)


def test_a_transition_is_audited_by_name_with_who_made_it(world):
    coordinator = world.people["coordinator"]
    symposium = _in_source_state(world, SYMPOSIA, "close_ranking")
    symposium_services.close_ranking(symposium=symposium, by=coordinator)
    entry = _transition_entries(symposium).get()
    assert (
        entry.additional_data["transition"],
        entry.additional_data["partnership_id"],
        entry.actor,
        entry.changes_dict["stage"],
    ) == ("close_ranking", world.keighley.pk, coordinator, ["ranking", "counted"])


def test_allowed_lists_only_what_this_person_may_do_now(world):
    version = _in_source_state(world, STATEMENTS, "agree")  # circulated
    assert (
        STATEMENTS.allowed(version, world.people["coordinator"]).names,
        STATEMENTS.allowed(version, world.people["member"]).names,
    ) == (["return_to_draft", "agree"], [])


def test_the_template_helper_lists_the_transitions_a_person_may_make(world):
    symposium = _in_source_state(world, SYMPOSIA, "open_ranking")
    template = Template(
        "{% load workflow %}{% allowed_transitions s as steps %}"
        "{% for t in steps %}{{ t.name }};{% endfor %}{% if steps.close_ranking %}close{% endif %}"
    )
    rendered = [
        template.render(Context({"s": symposium, "user": world.people[role]}))
        for role in ("coordinator", "member")
    ]
    assert rendered == ["open_ranking;", ""]


def test_a_workflow_must_name_states_its_field_has():
    with pytest.raises(ValueError, match="unknown states"):
        Workflow(
            model=Symposium,
            field="stage",
            permission_object=lambda s: s.partnership,
            transitions=[
                Transition(
                    name="publish",
                    source={"agreed"},
                    target="published",
                    permission="symposia.run_symposium",
                )
            ],
        )
