"""A local offer as an ORUK JSON file: a list of fully nested services, each checked against
the shipped schema before it leaves (a file we write must be one others can read)."""

from actlocally.partnerships.models import Partnership

from . import oruk, selectors


class InvalidExport(Exception):
    """Our own data broke the ORUK schema: a bug, never written out."""


def export_services(partnership: Partnership, *, published_only: bool = True) -> list[dict]:
    services = selectors.services_of(partnership)
    if published_only:
        services = services.filter(published=True)
    documents = [oruk.service_json(s) for s in selectors.full_services(services.order_by("pk"))]
    for index, document in enumerate(documents):
        errors = oruk.errors_in(document, "compiled/service", prefix=[index])
        if errors:
            raise InvalidExport("; ".join(f"{path}: {message}" for path, message in errors))
    return documents


def export_service_at_locations(
    partnership: Partnership, *, published_only: bool = True
) -> list[dict]:
    """The offer as ORUK's fully nested service_at_locations (one per service and place),
    each checked against compiled/service_at_location before it leaves."""
    services = selectors.services_of(partnership)
    if published_only:
        services = services.filter(published=True)
    documents = [
        oruk.service_at_location_json(at)
        for service in selectors.full_services(services.order_by("pk"))
        for at in _with_service(service)
    ]
    for index, document in enumerate(documents):
        errors = oruk.errors_in(document, "compiled/service_at_location", prefix=[index])
        if errors:
            raise InvalidExport("; ".join(f"{path}: {message}" for path, message in errors))
    return documents


def _with_service(service):
    # The prefetched rows, each pointed back at the (prefetched) service: no further queries.
    for at in service.service_at_locations.all():
        at.service = service
        yield at
