"""The public directory of an area's local offer: published services found by need, age, day,
cost and language, nearest first from a school or a neighbourhood (an LSOA's centre; there is
no postcode lookup). A fixed number of queries whatever the number of services."""

import math
from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet

from actlocally.partnerships.models import Partnership
from actlocally.places.models import LSOA, School

from .models import Language, Service, ServiceAtLocation, TaxonomyTerm

EARTH_KM = 6371.0


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine) between two (latitude, longitude) points."""
    lat1, lng1, lat2, lng2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_KM * math.asin(math.sqrt(h))


@dataclass
class Place:
    key: str  # "school:<URN>" or "lsoa:<code>"
    name: str
    point: tuple[float, float]


@dataclass
class Found:
    service: Service
    distance: float | None  # km from the chosen place to the nearest of its locations

    @property
    def miles(self) -> float | None:
        return None if self.distance is None else self.distance / 1.609344


def places_of(partnership: Partnership) -> list[Place]:
    """Where a family can measure from: the area's schools (by URN), then its neighbourhoods
    (LSOAs, at their centres). Two queries; none without a focus area."""
    area = getattr(partnership, "focus_area", None)
    if area is None:
        return []
    lsoas = list(
        LSOA.objects.filter(focus_areas=area, latitude__isnull=False, longitude__isnull=False)
        .order_by("name", "code")
        .values_list("code", "name", "latitude", "longitude")
    )
    schools = (
        School.objects.filter(
            lsoa_code__in=[code for code, *_ in lsoas], urn__isnull=False, latitude__isnull=False
        )
        .order_by("name")
        .values_list("urn", "name", "latitude", "longitude")
    )
    return [Place(f"school:{urn}", name, (lat, lng)) for urn, name, lat, lng in schools] + [
        Place(f"lsoa:{code}", name or code, (lat, lng)) for code, name, lat, lng in lsoas
    ]


def needs() -> list[tuple[str, str]]:
    return list(TaxonomyTerm.objects.order_by("name").values_list("code", "name"))


def languages_of(partnership: Partnership) -> list[str]:
    return list(
        Language.objects.filter(service__partnership=partnership, service__published=True)
        .order_by("name")
        .values_list("name", flat=True)
        .distinct()
    )


def _filtered(
    partnership: Partnership, *, need: str, age: int | None, day: str, cost: str, language: str
) -> QuerySet[Service]:
    services = Service.objects.published().filter(partnership=partnership)
    if need:
        services = services.filter(terms__code=need)
    if age is not None:
        services = services.filter(
            Q(minimum_age__isnull=True) | Q(minimum_age__lte=age),
            Q(maximum_age__isnull=True) | Q(maximum_age__gte=age),
        )
    if day:
        services = services.filter(schedules__byday__contains=day)
    if cost == "free":
        services = services.filter(is_free=True)
    elif cost == "paid":
        services = services.filter(is_free=False)
    if language:
        services = services.filter(languages__name=language)
    return services.distinct()


def search(
    partnership: Partnership,
    *,
    need: str = "",
    age: int | None = None,
    day: str = "",
    cost: str = "",
    language: str = "",
    near: Place | None = None,
) -> tuple[list[int], dict[int, float]]:
    """The ids of the area's published services matching every filter, nearest first when a
    place is chosen (services with no known location last), else by name; and each one's
    distance in km. Two queries, reading only ids, names and coordinates."""
    services = _filtered(partnership, need=need, age=age, day=day, cost=cost, language=language)
    named = list(services.order_by("name", "pk").values_list("pk", flat=True))
    if near is None:
        return named, {}
    distances: dict[int, float] = {}
    points = ServiceAtLocation.objects.filter(
        service__in=services, location__latitude__isnull=False, location__longitude__isnull=False
    ).values_list("service_id", "location__latitude", "location__longitude")
    for service_id, latitude, longitude in points:
        distance = distance_km(near.point, (latitude, longitude))
        if service_id not in distances or distance < distances[service_id]:
            distances[service_id] = distance
    order = {pk: index for index, pk in enumerate(named)}
    named.sort(key=lambda pk: (pk not in distances, distances.get(pk, 0.0), order[pk]))
    return named, distances


def found(ids: list[int], distances: dict[int, float]) -> list[Found]:
    """The services `ids` (one page of a search) with all the directory shows, in that order.
    Six queries, whatever the page size."""
    services = (
        Service.objects.filter(pk__in=ids)
        .select_related("organisation")
        .prefetch_related(
            "languages",
            "schedules",
            "contacts",
            Prefetch("terms", queryset=TaxonomyTerm.objects.order_by("name")),
            Prefetch(
                "service_at_locations",
                queryset=ServiceAtLocation.objects.select_related("location").order_by("pk"),
            ),
        )
        .in_bulk()
    )
    return [Found(services[pk], distances.get(pk)) for pk in ids if pk in services]
