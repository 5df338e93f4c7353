"""Every write of the local offer made from its pages: adding and changing a service,
publishing it (then it shows in the public directory and the ORUK API), and a hub's sessions."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.partnerships.models import Partnership

from .models import (
    HolidayPeriod,
    Hub,
    Language,
    Location,
    Service,
    ServiceAtLocation,
    Session,
    TaxonomyTerm,
)
from .timetable import check_session


def _set_parts(service: Service, *, terms, languages: list[str], location: Location | None):
    service.terms.set(terms)
    kept = {name.casefold() for name in languages}
    service.languages.exclude(name__in=languages).delete()
    have = {language.name.casefold() for language in service.languages.all()}
    Language.objects.bulk_create(
        Language(service=service, name=name)
        for name in dict.fromkeys(languages)
        if name.casefold() not in have and name.casefold() in kept
    )
    if location is not None:
        ServiceAtLocation.objects.get_or_create(service=service, location=location)


def add_service(
    *,
    partnership: Partnership,
    values: dict,
    terms: list[TaxonomyTerm],
    languages: list[str],
    location: Location | None,
    by,
) -> Service:
    """A new service, unpublished until the hub lead or co-ordinator publishes it."""
    with transaction.atomic(), acting_as(by):
        service = Service.objects.create(partnership=partnership, published=False, **values)
        _set_parts(service, terms=terms, languages=languages, location=location)
    return service


def change_service(
    *,
    service: Service,
    values: dict,
    terms: list[TaxonomyTerm],
    languages: list[str],
    location: Location | None,
    by,
) -> Service:
    with transaction.atomic(), acting_as(by):
        for name, value in values.items():
            setattr(service, name, value)
        service.save()
        _set_parts(service, terms=terms, languages=languages, location=location)
    return service


def set_published(*, service: Service, published: bool, by) -> Service:
    with transaction.atomic(), acting_as(by):
        service.published = published
        service.save(update_fields=["published", "modified_at"])
    return service


def add_session(
    *,
    hub: Hub,
    title: str,
    first_on: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    rrule: str,
    skips_holidays: bool = True,
    service: Service | None = None,
    location: Location | None = None,
    by,
) -> Session:
    """A recurring session at a hub; ValidationError if its rule never ends, gives too many
    sessions, or gives none outside the school holidays."""
    if starts_at >= ends_at:
        raise ValidationError({"ends_at": _("A session ends after it starts.")})
    holidays = list(HolidayPeriod.objects.filter(local_authority=hub.partnership.local_authority))
    check_session(rrule=rrule, first_on=first_on, skips_holidays=skips_holidays, holidays=holidays)
    with transaction.atomic(), acting_as(by):
        return Session.objects.create(
            hub=hub,
            title=title,
            first_on=first_on,
            starts_at=starts_at,
            ends_at=ends_at,
            rrule=rrule.strip().removeprefix("RRULE:"),
            skips_holidays=skips_holidays,
            service=service,
            location=location,
        )
