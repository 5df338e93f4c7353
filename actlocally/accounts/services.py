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


# Session engines whose sessions sit in the database table, where the other sessions can be
# counted. Whatever the engine, the raised generation is what ends them: the rows stay until they
# expire, so that the next request from each device says why it was signed out.
DATABASE_SESSION_ENGINES = {
    "django.contrib.sessions.backends.db",
    "django.contrib.sessions.backends.cached_db",
}


def sign_out_everywhere(*, person, session, by) -> int | None:
    """End every session of this person but `session` (theirs, on this device); how many were
    still signed in, or None when the session engine cannot count them."""
    from django.conf import settings
    from django.contrib.sessions.models import Session
    from django.db.models import F
    from django.utils import timezone

    from .models import User
    from .sessions import GENERATION, is_privileged, why_ended

    with transaction.atomic(), acting_as(by):
        User.objects.filter(pk=person.pk).update(session_generation=F("session_generation") + 1)
        before = person.session_generation
        person.refresh_from_db(fields=["session_generation"])
        session[GENERATION] = person.session_generation
        if settings.SESSION_ENGINE not in DATABASE_SESSION_ENGINES:
            return None
        now, privileged = timezone.now().timestamp(), is_privileged(person)
        ended = 0
        for stored in Session.objects.filter(expire_date__gt=timezone.now()).exclude(
            session_key=session.session_key
        ):
            data = stored.get_decoded()
            if data.get("_auth_user_id") == str(person.pk) and (
                why_ended(data, now=now, privileged=privileged, generation=before) is None
            ):
                ended += 1
    return ended
