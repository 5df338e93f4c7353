"""Factories for hubs: services of the local offer and their parts."""

import datetime

import factory
from django.utils import timezone

from actlocally.hubs.models import (
    Contact,
    Frequency,
    HolidayPeriod,
    Hub,
    Language,
    Location,
    OneStopShopDay,
    Referral,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceReferralCount,
    Session,
    TakeUp,
    Taxonomy,
    TaxonomyTerm,
)
from tests.factories import OrganisationFactory, PartnershipFactory, SchoolFactory


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Taxonomy

    name = factory.Sequence(lambda n: f"Needs {n}")
    description = "What families need help with."


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaxonomyTerm

    taxonomy = factory.SubFactory(TaxonomyFactory)
    code = factory.Sequence(lambda n: f"need-{n}")
    name = factory.Sequence(lambda n: f"Need {n}")
    description = "A need."


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Service

    partnership = factory.SubFactory(PartnershipFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Service {n}")
    description = "A service for families."
    published = True


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Location

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"Centre {n}")
    address_1 = "1 High Street"
    city = "Keighley"
    postal_code = "BD21 1AA"
    latitude = 53.867
    longitude = -1.911


class ServiceAtLocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceAtLocation

    service = factory.SubFactory(ServiceFactory)
    location = factory.SubFactory(
        LocationFactory, partnership=factory.SelfAttribute("..service.partnership")
    )


class ScheduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Schedule

    service = factory.SubFactory(ServiceFactory)
    freq = Frequency.WEEKLY
    byday = "TU"
    opens_at = datetime.time(9, 30)
    closes_at = datetime.time(11, 0)
    description = "Tuesdays in term time, 9:30 to 11am"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    service = factory.SubFactory(ServiceFactory)
    title = "School nursing team"
    phone = "01274 000000"
    email = "team@example.org"


class LanguageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Language

    service = factory.SubFactory(ServiceFactory)
    name = "Urdu"
    code = "ur"


def full_service(**kwargs) -> Service:
    """A published service with every part the nested ORUK form has."""
    service = ServiceFactory(
        minimum_age=3, maximum_age=11, eligibility="Families at the hub schools", **kwargs
    )
    ServiceAtLocationFactory(service=service)
    ScheduleFactory(service=service)
    ContactFactory(service=service)
    LanguageFactory(service=service)
    service.terms.add(TaxonomyTermFactory(name="Oral health", code="oral-health"))
    return service


class HubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Hub

    partnership = factory.SubFactory(PartnershipFactory)
    name = factory.Sequence(lambda n: f"School Health Hub {n}")


class HolidayPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HolidayPeriod

    name = "October half term"
    starts_on = datetime.date(2026, 10, 26)
    ends_on = datetime.date(2026, 10, 30)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    hub = factory.SubFactory(HubFactory)
    title = "School nursing drop-in"
    first_on = datetime.date(2026, 10, 6)
    starts_at = datetime.time(12, 0)
    ends_at = datetime.time(13, 30)
    rrule = "FREQ=WEEKLY;BYDAY=TU;COUNT=6"


class OneStopShopDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OneStopShopDay

    hub = factory.SubFactory(HubFactory)
    title = "One stop health shop"
    on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
    starts_at = datetime.time(9, 0)
    ends_at = datetime.time(15, 0)


class TakeUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TakeUp

    session = factory.SubFactory(SessionFactory)
    hub = factory.SelfAttribute("session.hub")
    period_start = datetime.date(2026, 10, 1)
    period_end = datetime.date(2026, 10, 31)
    age_band = "5-10"
    from_hub_school_count = 12
    from_spoke_school_count = 20


class ReferralFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Referral

    service = factory.SubFactory(ServiceFactory)
    partnership = factory.SelfAttribute("service.partnership")
    school = factory.SubFactory(SchoolFactory)
    need = factory.SubFactory(TaxonomyTermFactory)
    reference = factory.Sequence(lambda n: f"REF-{n:04d}")


def hub_with_services(partnership, *names, on=True):
    """A hub recording referrals between its services (`on`), with a session of each named
    service on its timetable, so each is a service at the hub."""
    hub = HubFactory(partnership=partnership, records_service_referrals=on)
    for name in names:
        SessionFactory(
            hub=hub, title=name, service=ServiceFactory(partnership=partnership, name=name)
        )
    return hub


class ServiceReferralCountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ServiceReferralCount

    hub = factory.SubFactory(HubFactory, records_service_referrals=True)
    from_service = factory.SubFactory(
        ServiceFactory, partnership=factory.SelfAttribute("..hub.partnership")
    )
    to_service = factory.SubFactory(
        ServiceFactory, partnership=factory.SelfAttribute("..hub.partnership")
    )
    on = datetime.date(2026, 10, 1)
    reason = "teeth"
    outcome = "accepted"
    count = 12
