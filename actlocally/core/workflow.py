"""Declared workflows: a model's states, the transitions between them and who may make each.

Each model with a workflow declares it once (statements/workflow.py, symposia/workflow.py):

    WORKFLOW = Workflow(
        model=StatementVersion,
        field="status",
        permission_object=lambda version: version.statement.partnership,
        transitions=[Transition(name="circulate", source={"draft"}, target="circulated",
                                permission="statements.circulate_statement", label=...)],
    )

Services call `WORKFLOW.run(obj, name, by=...)` inside their transaction, with the row locked:
it refuses an undeclared transition, a person the permission table does not allow, or the wrong
state (each with its own error, before anything is written), then sets the new state, saves,
and writes one audit entry naming the transition. What a transition does beyond its state
(dates, emails, the journey) stays in the service. Pages list the transitions a person may make
with `WORKFLOW.allowed(obj, user)` or, in templates, `{% allowed_transitions obj as steps %}`.
`by=None` is the platform itself (the demo seeder, commands): trusted, as in every service.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from actlocally.authorization import has_permission

Text = str | Promise

_REGISTRY: dict[str, "Workflow"] = {}


class UndeclaredTransition(ValidationError):
    """The transition is not declared for this model at all."""


class WrongState(ValidationError):
    """The transition is declared, but not from the state the object is in."""


class TransitionNotPermitted(PermissionDenied):
    """The permission table does not let this person make the transition."""


@dataclass(frozen=True)
class Transition:
    name: str
    source: frozenset[str]
    target: str
    # A named permission from authorization/permissions.py, checked against the workflow's
    # permission object (usually the partnership).
    permission: str
    label: Text = ""
    hint: Text = ""
    # Said after the move; the workflow's `params` fill it in.
    done: Text = ""
    # Said when the object is not in a source state; the workflow's `params` fill it in, with
    # %(state)s the current state's name in lower case.
    wrong_state: Text = ""

    def __post_init__(self):
        object.__setattr__(self, "source", frozenset(self.source))


class Allowed(tuple):
    """The transitions a person may make now, in declared order. Templates can also look one up
    by name: `{% if steps.open_ranking %}`."""

    def __getitem__(self, key):
        if isinstance(key, str):
            for transition in self:
                if transition.name == key:
                    return transition
            raise KeyError(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        if isinstance(key, str):
            return any(t.name == key for t in self)
        return super().__contains__(key)

    @property
    def names(self) -> list[str]:
        return [t.name for t in self]


@dataclass(frozen=True)
class Workflow:
    model: type[models.Model]
    field: str
    transitions: Iterable[Transition]
    # What the permission is checked against: the partnership, for most workflows.
    permission_object: Callable[[models.Model], object]
    # Values for the messages (%(n)s, %(title)s …) beside %(state)s.
    params: Callable[[models.Model], dict] = field(default=lambda obj: {})
    by_name: dict[str, Transition] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        by_name = {}
        states = {value for value, _label in self.model._meta.get_field(self.field).choices}
        for t in self.transitions:
            if t.name in by_name:
                raise ValueError(f"{self.model.__name__}: transition {t.name} declared twice")
            unknown = (t.source | {t.target}) - states
            if unknown:
                raise ValueError(f"{self.model.__name__}.{t.name}: unknown states {unknown}")
            by_name[t.name] = t
        object.__setattr__(self, "transitions", tuple(by_name.values()))
        object.__setattr__(self, "by_name", by_name)
        _REGISTRY[self.model._meta.label_lower] = self

    @property
    def states(self) -> list[str]:
        return [value for value, _label in self.model._meta.get_field(self.field).choices]

    def state_of(self, obj) -> str:
        return getattr(obj, self.field)

    def get(self, name: str) -> Transition:
        try:
            return self.by_name[name]
        except KeyError:
            raise UndeclaredTransition(
                _("There is no step called “%(name)s” for a %(thing)s.")
                % {"name": name, "thing": self.model._meta.verbose_name}
            ) from None

    def available(self, obj) -> list[Transition]:
        """The transitions out of the object's state, whoever asks."""
        state = self.state_of(obj)
        return [t for t in self.transitions if state in t.source]

    def may(self, user, transition: Transition, obj) -> bool:
        return user is None or has_permission(
            user, transition.permission, self.permission_object(obj)
        )

    def allowed(self, obj, user) -> Allowed:
        """The transitions this person may make from the object's state now."""
        return Allowed(t for t in self.available(obj) if self.may(user, t, obj))

    def message(self, text: Text, obj) -> str:
        state = obj._meta.get_field(self.field).flatchoices
        state_label = str(dict(state).get(self.state_of(obj), self.state_of(obj))).lower()
        return str(text) % {"state": state_label, **self.params(obj)}

    def check(self, obj, name: str, *, by) -> Transition:
        """The declared transition, if this person may make it from the object's state now;
        otherwise UndeclaredTransition, TransitionNotPermitted or WrongState."""
        transition = self.permitted(obj, name, by=by)
        if self.state_of(obj) not in transition.source:
            raise WrongState(
                self.message(
                    transition.wrong_state or _("It is %(state)s, so this step does not apply."),
                    obj,
                )
            )
        return transition

    def permitted(self, obj, name: str, *, by) -> Transition:
        """The declared transition, if this person may make it (whatever the state now);
        otherwise UndeclaredTransition or TransitionNotPermitted."""
        transition = self.get(name)
        if not self.may(by, transition, obj):
            raise TransitionNotPermitted(
                _("You do not have permission to do this: %(step)s.")
                % {"step": str(transition.label or transition.name).lower()}
            )
        return transition

    def run(self, obj, name: str, *, by, update_fields: Iterable[str] | None = None) -> Transition:
        """Make the transition: check it, set the new state, save the object (only the state and
        `update_fields`, if given, else every field) and audit it. Call inside the service's
        transaction, on a locked row, inside `acting_as(by)`."""
        from auditlog.context import disable_auditlog
        from auditlog.diff import model_instance_diff
        from auditlog.models import LogEntry

        transition = self.check(obj, name, by=by)
        before = type(obj).objects.get(pk=obj.pk)
        setattr(obj, self.field, transition.target)
        fields = None if update_fields is None else [self.field, *update_fields]
        # One entry that says which transition it was, rather than auditlog's anonymous update.
        with disable_auditlog():
            obj.save(update_fields=fields)
        get_data = getattr(obj, "get_additional_data", None)
        LogEntry.objects.log_create(
            obj,
            force_log=True,
            action=LogEntry.Action.UPDATE,
            changes=model_instance_diff(before, obj, fields_to_check=fields) or {},
            additional_data={
                **(get_data() if callable(get_data) else {}),
                "transition": transition.name,
            },
        )
        return transition


def workflow_for(obj) -> Workflow | None:
    """The workflow declared for this object's model, if any."""
    return _REGISTRY.get(obj._meta.label_lower)
