"""Reading an ORUK JSON file of services into a partnership's local offer: every service is
checked first (`checks`), and only a file with no errors is written, in one transaction."""

import uuid

from django.db import transaction

from actlocally.core.audit import acting_as
from actlocally.organisations.models import Organisation, Sector
from actlocally.partnerships.models import Partnership

from ..models import (
    Contact,
    Frequency,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)
from .checks import FileError, ImportRejected, ImportResult, _time, check, parse

__all__ = ["FileError", "ImportRejected", "ImportResult", "import_services", "parse"]


def _organisation(data: dict | None):
    if not data:
        return None
    found = Organisation.objects.filter(name__iexact=data["name"].strip()).first()
    if found is None:
        found = Organisation.objects.create(
            name=data["name"].strip()[:200],
            sector=Sector.COMMUNITY,
            description=data.get("description", ""),
        )
    return found


def _term(data: dict) -> TaxonomyTerm:
    term_id = uuid.UUID(data["id"])
    term = TaxonomyTerm.objects.filter(oruk_id=term_id).first()
    if term is not None:
        return term
    taxonomy = None
    if data.get("taxonomy_id"):
        taxonomy, _created = Taxonomy.objects.get_or_create(
            oruk_id=uuid.UUID(data["taxonomy_id"]),
            defaults={"name": data.get("taxonomy") or "Needs", "description": ""},
        )
    return TaxonomyTerm.objects.create(
        oruk_id=term_id,
        taxonomy=taxonomy,
        code=(data.get("term") or "")[:100],
        name=data["name"],
        description=data["description"],
    )


def _location(data: dict, partnership: Partnership) -> Location:
    address = data["addresses"][0]
    accessibility = data.get("accessibility") or []
    values = {
        "name": data["name"],
        "description": data.get("description", ""),
        "address_1": address["address_1"],
        "city": address["city"],
        "state_province": address["state_province"],
        "postal_code": address["postal_code"],
        "latitude": data.get("latitude"),
        "longitude": data.get("longitude"),
        "accessibility": (accessibility[0].get("description") or "") if accessibility else "",
        "urn": (data.get("external_identifier") or "")[:6]
        if data.get("external_identifier_type") == "urn"
        else "",
    }
    location, _created = Location.objects.update_or_create(
        oruk_id=uuid.UUID(data["id"]), partnership=partnership, defaults=values
    )
    return location


def _write_service(data: dict, partnership: Partnership) -> tuple[Service, bool]:
    cost_options = data.get("cost_options") or []
    is_free = any(
        (c.get("option") or "").lower() == "free" or c.get("amount") == 0 for c in cost_options
    ) or (not cost_options and not data.get("fees"))
    values = {
        "name": data["name"],
        "description": data.get("description", ""),
        "eligibility": data.get("eligibility_description") or "",
        "minimum_age": data.get("minimum_age"),
        "maximum_age": data.get("maximum_age"),
        "is_free": is_free,
        "fees": data.get("fees", ""),
        "url": data.get("url", ""),
        "email": data.get("email", ""),
        "status": data["status"],
        "organisation": _organisation(data.get("organization")),
    }
    service, created = Service.objects.update_or_create(
        oruk_id=uuid.UUID(data["id"]), partnership=partnership, defaults=values
    )
    # The file is the whole truth about each service it holds: its parts are replaced.
    service.languages.all().delete()
    service.contacts.all().delete()
    service.schedules.all().delete()
    service.service_at_locations.all().delete()
    Language.objects.bulk_create(
        Language(
            oruk_id=uuid.UUID(item["id"]),
            service=service,
            name=item["name"],
            code=item.get("code") or "",
        )
        for item in data.get("languages", [])
        if isinstance(item.get("name"), str) and item["name"].strip()
    )
    Contact.objects.bulk_create(
        Contact(
            oruk_id=uuid.UUID(item["id"]),
            service=service,
            name=item.get("name", ""),
            title=item.get("title", ""),
            email=item.get("email") or "",
            phone=(item.get("phones") or [{}])[0].get("number", ""),
        )
        for item in data.get("contacts", [])
    )
    Schedule.objects.bulk_create(
        Schedule(
            oruk_id=uuid.UUID(item["id"]),
            service=service,
            freq=Frequency(item["freq"]),
            interval=int(item.get("interval", 1)),
            byday=item.get("byday", ""),
            opens_at=_time(item.get("opens_at")),
            closes_at=_time(item.get("closes_at")),
            description=item.get("description", ""),
        )
        for item in data.get("schedules", [])
    )
    for item in data.get("service_at_locations", []):
        ServiceAtLocation.objects.create(
            oruk_id=uuid.UUID(item["id"]),
            service=service,
            location=_location(item["location"], partnership),
        )
    terms = []
    for item in data.get("attributes", []):
        if item.get("taxonomy_term"):
            terms.append(_term(item["taxonomy_term"]))
        else:
            term = TaxonomyTerm.objects.filter(oruk_id=uuid.UUID(item["taxonomy_term_id"])).first()
            if term is not None:
                terms.append(term)
    service.terms.set(terms)
    return service, created


def import_services(*, partnership: Partnership, raw: bytes | str, by) -> ImportResult:
    """Import an ORUK file into `partnership`'s local offer: all of it, or (ImportRejected)
    nothing. New services start unpublished; services already here keep their published
    state."""
    services = parse(raw)
    errors = check(services, partnership=partnership)
    if errors:
        raise ImportRejected(errors)
    result = ImportResult()
    with transaction.atomic(), acting_as(by):
        for data in services:
            service, created = _write_service(data, partnership)
            result.services.append(service)
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
