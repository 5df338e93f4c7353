"""Speed of a person's rights with the demo data: the co-ordinator's subject access export (ZIP
and PDF) and erasing them (rolled back, so the demo stays as it is)."""

import time

from django.db import transaction

from . import benchmark, median_ms

COORDINATOR = "coordinator@example.org"


@benchmark("subject-access-export", unit="ms", target="under 5,000 ms (a background job)")
def subject_access_export() -> float:
    from actlocally.accounts.models import User
    from actlocally.privacy.access import build_zip

    person = User.objects.get(email=COORDINATOR)
    return median_ms(lambda: build_zip(person), warm=1, runs=5)


@benchmark("erase-person", unit="ms", target="under 10,000 ms (one transaction)")
def erase_person() -> float:
    from actlocally.accounts.models import User
    from actlocally.privacy.services import erase_person

    person = User.objects.get(email=COORDINATOR)
    staff = User.objects.get(email="admin@example.org")
    start = time.perf_counter()
    with transaction.atomic():
        erase_person(person=person, by=staff)
        transaction.set_rollback(True)
    return (time.perf_counter() - start) * 1000
