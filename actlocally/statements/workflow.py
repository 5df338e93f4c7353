"""The Statement of Intent workflow, declared in one place: its states, the transitions between
them and the permission a person needs to trigger each. Services and pages read it from here;
the machinery (checks, audit, the template helper) is core/workflow.py."""

from django.utils.translation import gettext_lazy as _

from actlocally.core.workflow import Transition, Workflow

from .models import StatementVersion

State = StatementVersion.Status

WORKFLOW = Workflow(
    model=StatementVersion,
    field="status",
    permission_object=lambda version: version.statement.partnership,
    params=lambda version: {"n": version.number},
    transitions=[
        Transition(
            name="circulate",
            label=_("Circulate for comment"),
            source={State.DRAFT},
            target=State.CIRCULATED,
            permission="statements.circulate_statement",
            hint=_(
                "Members can read it before it is agreed. While it is circulated it cannot be "
                "edited: return it to draft to make changes."
            ),
            done=_("Version %(n)s has been circulated for comment. Every member has been told."),
            wrong_state=_(
                "Version %(n)s is %(state)s: only a draft can be circulated for comment."
            ),
        ),
        Transition(
            name="return_to_draft",
            label=_("Return to draft"),
            source={State.CIRCULATED},
            target=State.DRAFT,
            permission="statements.circulate_statement",
            hint=_("To make changes people asked for before it is agreed."),
            done=_("Version %(n)s is a draft again: you can edit it."),
            wrong_state=_(
                "Version %(n)s is %(state)s: only a version circulated for comment can return "
                "to draft."
            ),
        ),
        Transition(
            name="agree",
            label=_("Record that it was agreed"),
            source={State.CIRCULATED},
            target=State.AGREED,
            permission="statements.agree_statement",
            hint=_(
                "The convening partnership has agreed this version. It is then frozen: changes "
                "need a new draft."
            ),
            done=_("Version %(n)s is recorded as agreed. Every member has been told."),
            wrong_state=_(
                "Version %(n)s is %(state)s: only a version circulated for comment can be "
                "recorded as agreed."
            ),
        ),
    ],
)

TRANSITIONS = WORKFLOW.by_name

# Only a draft can be edited; an agreed version never can.
EDITABLE_STATES = frozenset({State.DRAFT})


def available(version: StatementVersion):
    return WORKFLOW.available(version)
