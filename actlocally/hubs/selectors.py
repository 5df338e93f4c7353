"""Reading services of the local offer, each in a constant number of queries."""

import datetime

from django.db.models import Prefetch, Q, QuerySet

from actlocally.partnerships.models import Partnership

from .models import (
    HolidayPeriod,
    Hub,
    OneStopShopDay,
    Service,
    ServiceAtLocation,
    Session,
    Taxonomy,
    TaxonomyTerm,
)

TERMS = TaxonomyTerm.objects.select_related("taxonomy", "parent")


def full_services(queryset: QuerySet[Service] | None = None) -> QuerySet[Service]:
    """Services with everything the nested ORUK form shows: seven queries for any number."""
    queryset = Service.objects.all() if queryset is None else queryset
    return queryset.select_related("organisation").prefetch_related(
        "languages",
        "contacts",
        "schedules",
        Prefetch(
            "service_at_locations",
            queryset=ServiceAtLocation.objects.select_related("location").order_by("pk"),
        ),
        Prefetch("terms", queryset=TERMS),
    )


def services_of(partnership: Partnership) -> QuerySet[Service]:
    return Service.objects.filter(partnership=partnership).select_related("organisation")


def public_services(
    *,
    text: str = "",
    taxonomy_term_id=None,
    taxonomy_id=None,
    modified_after: datetime.datetime | None = None,
) -> QuerySet[Service]:
    """Published services, filtered as the ORUK API's /services is."""
    services = Service.objects.published()
    if text:
        services = services.filter(Q(name__icontains=text) | Q(description__icontains=text))
    if taxonomy_term_id is not None:
        services = services.filter(terms__oruk_id=taxonomy_term_id)
    if taxonomy_id is not None:
        services = services.filter(terms__taxonomy__oruk_id=taxonomy_id)
    if modified_after is not None:
        services = services.filter(modified_at__gte=modified_after)
    if taxonomy_term_id is not None or taxonomy_id is not None:
        services = services.distinct()
    return services.select_related("organisation").order_by("name", "pk")


def public_service(oruk_id) -> Service | None:
    return full_services(Service.objects.published().filter(oruk_id=oruk_id)).first()


def taxonomies() -> QuerySet[Taxonomy]:
    return Taxonomy.objects.order_by("name", "pk")


def taxonomy_terms(*, taxonomy_id=None) -> QuerySet[TaxonomyTerm]:
    terms = TERMS.order_by("name", "pk")
    if taxonomy_id is not None:
        terms = terms.filter(taxonomy__oruk_id=taxonomy_id)
    return terms


def public_hub(partnership: Partnership, pk: int) -> Hub | None:
    return (
        Hub.objects.filter(partnership=partnership, pk=pk)
        .select_related("school")
        .prefetch_related("spokes")
        .first()
    )


def hub_sessions(hub: Hub) -> list[Session]:
    """The hub's sessions; published services' only, or sessions with no service."""
    return list(
        hub.sessions.filter(Q(service__isnull=True) | Q(service__published=True))
        .select_related("service", "location")
        .order_by("first_on", "starts_at", "pk")
    )


def holidays_of(partnership: Partnership) -> list[HolidayPeriod]:
    return list(
        HolidayPeriod.objects.filter(local_authority_id=partnership.local_authority_id).order_by(
            "starts_on"
        )
    )


def hubs_of(partnership: Partnership) -> list[Hub]:
    return list(Hub.objects.filter(partnership=partnership).order_by("name"))


def one_stop_days(hub: Hub, *, since: datetime.date | None = None) -> list[OneStopShopDay]:
    """The hub's one-stop-shop days (from `since`, if given) with their services: two queries."""
    days = hub.one_stop_days.select_related("location").prefetch_related(
        Prefetch("services", queryset=Service.objects.order_by("name"))
    )
    if since is not None:
        days = days.filter(on__gte=since)
    return list(days.order_by("on", "starts_at", "pk"))


def public_one_stop_days(hub: Hub, *, since: datetime.date) -> list[OneStopShopDay]:
    """Days to come, with only their published services."""
    days = hub.one_stop_days.filter(on__gte=since).select_related("location")
    days = days.prefetch_related(
        Prefetch("services", queryset=Service.objects.published().order_by("name"))
    )
    return list(days.order_by("on", "starts_at", "pk"))


def public_service_at_locations(
    *, text: str = "", taxonomy_term_id=None, taxonomy_id=None
) -> QuerySet[ServiceAtLocation]:
    """Published services at their locations, filtered as ORUK's /service_at_locations is."""
    services = public_services(
        text=text, taxonomy_term_id=taxonomy_term_id, taxonomy_id=taxonomy_id
    )
    return (
        ServiceAtLocation.objects.filter(service__in=services.values("pk"))
        .select_related("service", "service__organisation", "location")
        .order_by("service__name", "location__name", "pk")
    )


def public_service_at_location(oruk_id) -> ServiceAtLocation | None:
    """A published service at a location, its service with everything (eight queries)."""
    at = (
        ServiceAtLocation.objects.filter(oruk_id=oruk_id, service__published=True)
        .select_related("location")
        .first()
    )
    if at is None:
        return None
    at.service = full_services(Service.objects.filter(pk=at.service_id)).get()
    return at
