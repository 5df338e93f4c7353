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


def bulk_create(model, objects) -> list:
    """`Model.objects.bulk_create`, with an audit entry for each row: bulk writes skip the
    signals django-auditlog listens to, so they would otherwise leave no trace."""
    from auditlog.diff import model_instance_diff
    from auditlog.models import LogEntry

    created = model.objects.bulk_create(list(objects))
    for obj in created:
        LogEntry.objects.log_create(
            obj, action=LogEntry.Action.CREATE, changes=model_instance_diff(None, obj)
        )
    return created


def bulk_update(model, objects, fields: list[str]) -> None:
    """`Model.objects.bulk_update`, with an audit entry for each row that changed."""
    from auditlog.diff import model_instance_diff
    from auditlog.models import LogEntry

    objects = list(objects)
    before = model.objects.in_bulk([o.pk for o in objects])
    model.objects.bulk_update(objects, fields)
    for obj in objects:
        changes = model_instance_diff(before.get(obj.pk), obj, fields_to_check=fields)
        if changes:
            LogEntry.objects.log_create(obj, action=LogEntry.Action.UPDATE, changes=changes)
