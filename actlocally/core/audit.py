"""Attributes every change a service makes to the person who made it, in the audit log."""

from contextlib import contextmanager

from auditlog.context import set_actor


@contextmanager
def acting_as(user):
    # Web requests already carry the actor (AuditlogMiddleware); commands and the seeder do not.
    if user is None or not getattr(user, "is_authenticated", False):
        yield
        return
    with set_actor(user):
        yield
