"""The Statement of Intent workflow, declared in one place: its states, the transitions between
them and the permission a person needs to trigger each. Services and pages read it from here."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import StatementVersion

State = StatementVersion.Status


@dataclass(frozen=True)
class Transition:
    name: str
    label: str | Promise
    source: frozenset[str]
    target: str
    permission: str
    hint: str | Promise
    # Said after the move, with the version's number as %(n)s.
    done: str | Promise = ""


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition(
            name="circulate",
            label=_("Circulate for comment"),
            source=frozenset({State.DRAFT}),
            target=State.CIRCULATED,
            permission="statements.circulate_statement",
            hint=_(
                "Members can read it before it is agreed. While it is circulated it cannot be "
                "edited: return it to draft to make changes."
            ),
            done=_("Version %(n)s has been circulated for comment. Every member has been told."),
        ),
        Transition(
            name="return_to_draft",
            label=_("Return to draft"),
            source=frozenset({State.CIRCULATED}),
            target=State.DRAFT,
            permission="statements.circulate_statement",
            hint=_("To make changes people asked for before it is agreed."),
            done=_("Version %(n)s is a draft again: you can edit it."),
        ),
        Transition(
            name="agree",
            label=_("Record that it was agreed"),
            source=frozenset({State.CIRCULATED}),
            target=State.AGREED,
            permission="statements.agree_statement",
            hint=_(
                "The convening partnership has agreed this version. It is then frozen: changes "
                "need a new draft."
            ),
            done=_("Version %(n)s is recorded as agreed. Every member has been told."),
        ),
    )
}

# Only a draft can be edited; an agreed version never can.
EDITABLE_STATES = frozenset({State.DRAFT})


def available(version: StatementVersion) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if version.status in t.source]
