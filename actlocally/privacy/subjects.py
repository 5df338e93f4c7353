"""Where each model keeps data about a person, read from the models' PERSONAL_DATA declarations:
links to the account are found from the relations themselves; what is not a relation (an email
typed into an invitation, a session's encoded user id) or not tied to anyone is declared here."""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q

# How a PERSONAL_DATA value opens when the field holds data about a person.
PERSONAL_PREFIXES = ("personal", "possibly personal", "may be personal")


@dataclass(frozen=True)
class Subject:
    """How to find a person's rows in a model beyond its relations to the account, and which
    fields to hand them (None: every field not declared secret)."""

    links: tuple[str, ...] = ()  # lookups ending at the account, e.g. "email_address__user"
    email_fields: tuple[str, ...] = ()  # addresses matched without regard to case
    fields: tuple[str, ...] | None = None
    finder: Callable[[models.Model], models.QuerySet] | None = None
    about: Callable[[models.Model], Q] | None = None  # rows about them that no relation names
    not_linked: str = ""  # why rows cannot be tied to an account, when they cannot


def _changes_to_their_account(person) -> Q:
    user = get_user_model()._meta
    return Q(
        content_type__app_label=user.app_label,
        content_type__model=user.model_name,
        object_pk=str(person.pk),
    )


def _sessions_of(person) -> models.QuerySet:
    from django.contrib.sessions.models import Session

    # The user id sits inside the signed session data: read each live session once.
    keys = [
        s.session_key
        for s in Session.objects.all().only("session_key", "session_data", "expire_date")
        if str(s.get_decoded().get("_auth_user_id")) == str(person.pk)
    ]
    return Session.objects.filter(session_key__in=keys)


# Models of other packages: what they hold about a person (their tables have no PERSONAL_DATA).
THIRD_PARTY = {
    "admin.LogEntry": Subject(fields=("action_time", "object_repr", "change_message")),
    "sessions.Session": Subject(fields=("expire_date",), finder=_sessions_of),
    "account.EmailAddress": Subject(fields=("email", "verified", "primary")),
    "account.EmailConfirmation": Subject(
        links=("email_address__user",), fields=("created", "sent")
    ),
    # Only the kind of authenticator and its dates: never the secret or the recovery codes.
    "mfa.Authenticator": Subject(fields=("type", "created_at", "last_used_at")),
    # What they did, and what was done to their account.
    "auditlog.LogEntry": Subject(
        about=_changes_to_their_account,
        fields=(
            "timestamp",
            "action",
            "content_type",
            "object_repr",
            "changes",
            "remote_addr",
            "actor_email",
        ),
    ),
    "django_tasks_database.DBTaskResult": Subject(
        not_linked="task arguments and results hold record ids, not names; finished rows are "
        "purged after the retention period"
    ),
}
# Other packages' tables that hold nothing about anyone.
THIRD_PARTY_NOT_PERSONAL = {"auth.Permission", "auth.Group", "contenttypes.ContentType"}

# Our models whose personal fields are not relations to the account.
DECLARED = {
    "accounts.User": Subject(links=("pk",)),
    "partnerships.Invitation": Subject(email_fields=("email",)),
    "notifications.Notification": Subject(email_fields=("email",)),
    "pages.Feedback": Subject(email_fields=("email",)),
    "partnerships.Partnership": Subject(
        not_linked="the public contact is a shared address the co-ordinator types, not an "
        "account; if it is a person's own, the co-ordinator changes it"
    ),
    "grants.Declaration": Subject(links=("panellist__person",)),
    "grants.ScoreSheet": Subject(links=("panellist__person",)),
    # An application's documents and the grantee's reports: the organisation's contact's.
    "grants.Attachment": Subject(links=("application__applicant", "uploaded_by")),
    "grants.GranteeReport": Subject(links=("award__application__applicant", "submitted_by")),
    "hubs.Referral": Subject(links=("made_by",)),
    "hubs.TakeUp": Subject(links=("recorded_by",)),
    "hubs.ServiceReferralCount": Subject(links=("recorded_by",)),
    "hubs.Contact": Subject(
        not_linked="a service's published contact at work, typed by whoever keeps the service; "
        "not an account (the provider changes or removes it)"
    ),
    "review.FeedbackResponse": Subject(
        not_linked="feedback comes through a link that needs no account; the name someone may "
        "give is erased a year after they gave it"
    ),
    "symposia.Guest": Subject(
        not_linked="guests take part without an account; the name they typed is erased 30 days "
        "after the symposium"
    ),
}


def is_personal(declaration: str) -> bool:
    return declaration.startswith(PERSONAL_PREFIXES)


def is_ours(model) -> bool:
    return model.__module__.startswith("actlocally.")


def personal_models() -> list[type[models.Model]]:
    """Every model that holds data about a person: ours with a personal field, and the other
    packages' tables listed in THIRD_PARTY."""
    found = []
    for model in apps.get_models():
        if is_ours(model):
            if any(is_personal(v) for v in getattr(model, "PERSONAL_DATA", {}).values()):
                found.append(model)
        elif model._meta.label in THIRD_PARTY:
            found.append(model)
    return found


def subject_of(model) -> Subject:
    label = model._meta.label
    return THIRD_PARTY.get(label) or DECLARED.get(label) or Subject()


def account_links(model) -> list[str]:
    """The model's own relations to the account (foreign keys, one-to-ones, many-to-manys)."""
    user = get_user_model()
    return [
        f.name
        for f in model._meta.get_fields()
        if (f.concrete or f.many_to_many) and f.is_relation and f.related_model is user
    ]


def way_in(model) -> list[str] | str:
    """How subject access finds a person's rows in `model`: its lookups, or why it cannot."""
    subject = subject_of(model)
    if subject.not_linked:
        return subject.not_linked
    lookups = [*account_links(model), *subject.links, *subject.email_fields]
    lookups += [f.__name__ for f in (subject.finder, subject.about) if f is not None]
    return lookups


def rows_of(model, person, emails: list[str]) -> models.QuerySet:
    """The person's rows in `model` (none when the model is not linked to accounts)."""
    subject = subject_of(model)
    if subject.not_linked:
        return model.objects.none()
    if subject.finder is not None:
        return subject.finder(person)
    query = Q(pk__in=[])
    for name in [*account_links(model), *subject.links]:
        query |= Q(**{name: person.pk if name == "pk" else person})
    for name in subject.email_fields:
        for email in emails:
            query |= Q(**{f"{name}__iexact": email})
    if subject.about is not None:
        query |= subject.about(person)
    return model.objects.filter(query).distinct()


def exported_fields(model) -> list[str]:
    """The columns handed to the person: declared ones, or every field not declared secret
    (relations by their id)."""
    subject = subject_of(model)
    names = subject.fields
    if names is None:
        declared = getattr(model, "PERSONAL_DATA", {})
        names = [
            f.name
            for f in model._meta.concrete_fields
            if not declared.get(f.name, "").startswith("secret")
        ]
    by_name = {f.name: f for f in model._meta.concrete_fields}
    return [by_name[n].attname for n in names]


def title_of(model) -> str:
    """A table's name for people: "log entries (Auditlog)", so two packages' logs differ."""
    plural = str(model._meta.verbose_name_plural)
    app = str(apps.get_app_config(model._meta.app_label).verbose_name)
    return plural if plural.lower() == app.lower() else f"{plural} ({app})"


def headings_of(model, fields: list[str]) -> list[str]:
    """What each exported column is called on the page (the fields' own labels)."""
    by_attname = {f.attname: str(f.verbose_name) for f in model._meta.concrete_fields}
    return [by_attname.get(name, name) for name in fields]


def emails_of(person) -> list[str]:
    from allauth.account.models import EmailAddress

    found = {person.email.lower()}
    found |= {
        e.lower() for e in EmailAddress.objects.filter(user=person).values_list("email", flat=True)
    }
    return sorted(found)
