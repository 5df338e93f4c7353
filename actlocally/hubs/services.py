"""Every write of the local offer made from its pages: adding and changing a service,
publishing it (then it shows in the public directory and the ORUK API), a hub with its spokes,
its sessions and its one-stop-shop days."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.services import record_evidence
from actlocally.partnerships.models import Partnership

from .models import (
    HolidayPeriod,
    Hub,
    Language,
    Location,
    OneStopShopDay,
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


def add_hub(
    *,
    partnership: Partnership,
    name: str,
    school=None,
    spokes=(),
    description: str = "",
    records_service_referrals: bool = False,
    illustrative: bool = False,
    on: datetime.date | None = None,
    by,
) -> Hub:
    """A School Health Hub; the journey's "Identify School Health Hub" step ticks itself, dated
    `on` (the day the hub was agreed; today unless said)."""
    with transaction.atomic(), acting_as(by):
        hub = Hub.objects.create(
            partnership=partnership,
            name=name,
            school=school,
            description=description,
            records_service_referrals=records_service_referrals,
            illustrative=illustrative,
        )
        hub.spokes.set(spokes)
        record_evidence(
            partnership=partnership,
            step_key=StepKey.IDENTIFY_SCHOOL_HEALTH_HUB,
            evidence_label=_("School Health Hub: %(name)s") % {"name": name},
            evidence_url=hub.get_absolute_url(),
            on=on or timezone.localdate(),
            by=by,
        )
    return hub


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
    on: datetime.date | None = None,
    by,
) -> Session:
    """A recurring session at a hub; ValidationError if its rule never ends, gives too many
    sessions, or gives none outside the school holidays."""
    if starts_at >= ends_at:
        raise ValidationError({"ends_at": _("A session ends after it starts.")})
    holidays = list(HolidayPeriod.objects.filter(local_authority=hub.partnership.local_authority))
    check_session(rrule=rrule, first_on=first_on, skips_holidays=skips_holidays, holidays=holidays)
    with transaction.atomic(), acting_as(by):
        session = Session.objects.create(
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
        # A timetable is the hub's offer planned ("The hub publishes its services and timetable").
        record_evidence(
            partnership=hub.partnership,
            step_key=StepKey.PLAN_HUB_OFFER,
            evidence_label=_("%(hub)s's timetable") % {"hub": hub.name},
            evidence_url=hub.get_absolute_url(),
            on=on or timezone.localdate(),
            by=by,
        )
    return session


def add_holiday(
    *, local_authority, name: str, starts_on: datetime.date, ends_on: datetime.date, by
) -> HolidayPeriod:
    if starts_on > ends_on:
        raise ValidationError({"ends_on": _("The last day must be on or after the first.")})
    with transaction.atomic(), acting_as(by):
        return HolidayPeriod.objects.create(
            local_authority=local_authority, name=name, starts_on=starts_on, ends_on=ends_on
        )


def remove_holiday(*, holiday: HolidayPeriod, by) -> None:
    with transaction.atomic(), acting_as(by):
        holiday.delete()


def change_hub(
    *,
    hub: Hub,
    name: str,
    school=None,
    spokes=(),
    description: str = "",
    records_service_referrals: bool | None = None,
    by,
) -> Hub:
    """A hub's name, school, spoke schools, description and whether it records referrals
    between its services (unchanged when None; turning it off keeps the counts recorded)."""
    with transaction.atomic(), acting_as(by):
        hub.name, hub.school, hub.description = name, school, description
        if records_service_referrals is not None:
            hub.records_service_referrals = records_service_referrals
        hub.save()
        hub.spokes.set(spokes)
    return hub


def remove_hub(*, hub: Hub, by) -> None:
    """The hub with its timetable, one-stop-shop days and take-up (the services stay)."""
    with transaction.atomic(), acting_as(by):
        hub.delete()


def change_session(
    *,
    session: Session,
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
    """The session changed, checked as a new one is (its rule must end and give sessions)."""
    if starts_at >= ends_at:
        raise ValidationError({"ends_at": _("A session ends after it starts.")})
    holidays = list(
        HolidayPeriod.objects.filter(local_authority=session.hub.partnership.local_authority)
    )
    check_session(rrule=rrule, first_on=first_on, skips_holidays=skips_holidays, holidays=holidays)
    with transaction.atomic(), acting_as(by):
        session.title, session.first_on = title, first_on
        session.starts_at, session.ends_at = starts_at, ends_at
        session.rrule = rrule.strip().removeprefix("RRULE:")
        session.skips_holidays, session.service, session.location = (
            skips_holidays,
            service,
            location,
        )
        session.save()
    return session


def remove_session(*, session: Session, by) -> None:
    with transaction.atomic(), acting_as(by):
        session.delete()


def _check_day(*, hub: Hub, starts_at, ends_at, services) -> None:
    errors = {}
    if starts_at >= ends_at:
        errors["ends_at"] = _("The day ends after it starts.")
    if any(s.partnership_id != hub.partnership_id for s in services):
        errors["services"] = _("Choose services of this partnership's local offer.")
    if errors:
        raise ValidationError(errors)


def add_one_stop_day(
    *,
    hub: Hub,
    title: str,
    on: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    services=(),
    location: Location | None = None,
    description: str = "",
    illustrative: bool = False,
    by,
) -> OneStopShopDay:
    """A one-stop-shop day at the hub with the services there that day."""
    services = list(services)
    _check_day(hub=hub, starts_at=starts_at, ends_at=ends_at, services=services)
    with transaction.atomic(), acting_as(by):
        day = OneStopShopDay.objects.create(
            hub=hub,
            title=title,
            on=on,
            starts_at=starts_at,
            ends_at=ends_at,
            location=location,
            description=description,
            illustrative=illustrative,
        )
        day.services.set(services)
    return day


def change_one_stop_day(
    *,
    day: OneStopShopDay,
    title: str,
    on: datetime.date,
    starts_at: datetime.time,
    ends_at: datetime.time,
    services=(),
    location: Location | None = None,
    description: str = "",
    by,
) -> OneStopShopDay:
    services = list(services)
    _check_day(hub=day.hub, starts_at=starts_at, ends_at=ends_at, services=services)
    with transaction.atomic(), acting_as(by):
        day.title, day.on, day.starts_at, day.ends_at = title, on, starts_at, ends_at
        day.location, day.description = location, description
        day.save()
        day.services.set(services)
    return day


def remove_one_stop_day(*, day: OneStopShopDay, by) -> None:
    with transaction.atomic(), acting_as(by):
        day.delete()
