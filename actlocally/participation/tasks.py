"""The daily job that erases the names guests typed, for every feature that registered its rule
(participation.services.register_erasure)."""

from django_tasks import task

from .services import erase_due_names


@task()
def forget_guest_names() -> int:
    """Run daily by the scheduler (jobs/schedule.py); returns how many names were erased."""
    return sum(erase_due_names().values())
