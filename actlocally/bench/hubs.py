"""Speed of the local offer with 5,000 services in Keighley (the demo's 40 and made-up ones):
a need and distance search of the public directory, and pages of the ORUK API (its rate limit
off: the bench measures the answer, not the limit)."""

from django.test import Client, override_settings

from . import benchmark, median_ms

SERVICES = 5_000


def _five_thousand_services():
    """Keighley's offer made up to 5,000 published services, each at a place and with a need."""
    from actlocally.hubs.models import Location, Service, ServiceAtLocation, TaxonomyTerm
    from actlocally.partnerships.models import Partnership

    keighley = Partnership.objects.get(slug="keighley")
    have = Service.objects.filter(partnership=keighley).count()
    if have >= SERVICES:
        return keighley
    location = Location.objects.filter(partnership=keighley).first()
    made = Service.objects.bulk_create(
        Service(
            partnership=keighley,
            name=f"Benchmark service {n}",
            description="Made up for make bench.",
            published=True,
            illustrative=True,
        )
        for n in range(SERVICES - have)
    )
    ServiceAtLocation.objects.bulk_create(
        ServiceAtLocation(service=service, location=location) for service in made
    )
    term = TaxonomyTerm.objects.get(code="oral-health")
    term.services.add(*made[::10])
    return keighley


@benchmark(
    "directory-search-page", unit="ms", target="under 50 ms (5,000 services, need + distance)"
)
def directory_search_page() -> float:
    from actlocally.places.models import LSOA

    keighley = _five_thousand_services()
    lsoa = LSOA.objects.filter(focus_areas__partnership=keighley, latitude__isnull=False).first()
    client = Client()
    url = f"/areas/keighley/local-offer/?need=oral-health&near=lsoa:{lsoa.code}"

    def fetch():
        assert client.get(url).status_code == 200

    return median_ms(fetch)


@benchmark("oruk-services-page", unit="ms", target="under 50 ms (per_page=50 over 5,000)")
@override_settings(ORUK_API_RATE=None)
def oruk_services_page() -> float:
    _five_thousand_services()
    client = Client()

    def fetch():
        assert client.get("/api/oruk/services?per_page=50").status_code == 200

    return median_ms(fetch)


@benchmark(
    "oruk-service-at-locations-page", unit="ms", target="under 50 ms (per_page=50 over 5,000)"
)
@override_settings(ORUK_API_RATE=None)
def oruk_service_at_locations_page() -> float:
    _five_thousand_services()
    client = Client()

    def fetch():
        assert client.get("/api/oruk/service_at_locations?per_page=50").status_code == 200

    return median_ms(fetch)
