"""Writes to a person's own account."""

from django.db import transaction

from actlocally.core.audit import acting_as


def update_profile(*, person, full_name: str, job_title: str, by) -> None:
    with transaction.atomic(), acting_as(by):
        person.full_name = full_name
        person.job_title = job_title
        person.full_clean()
        person.save(update_fields=["full_name", "job_title"])


def create_person(
    *,
    email: str,
    full_name: str,
    job_title: str = "",
    password: str | None = None,
    email_verified: bool = False,
    is_staff: bool = False,
    by=None,
):
    """Create an account; `email_verified` for addresses already proven (demo, invitation)."""
    from allauth.account.models import EmailAddress

    from .models import User

    with transaction.atomic(), acting_as(by):
        person = User.objects.create_user(
            email=email,
            password=password,
            full_name=full_name,
            job_title=job_title,
            is_staff=is_staff,
            is_superuser=is_staff,
        )
        if not password:
            person.set_unusable_password()
            person.save(update_fields=["password"])
        EmailAddress.objects.create(
            user=person, email=person.email, verified=email_verified, primary=True
        )
    return person
