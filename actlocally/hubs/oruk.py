"""Open Referral UK: the shipped schemas, checking JSON against them, and writing services as
ORUK JSON. Identifiers the platform does not store (addresses, phones, cost options) are
derived from their parent's UUID, so the same service always writes the same file."""

import json
import uuid
from functools import cache
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

from .models import Location, Schedule, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm

STANDARD = Path(__file__).parent / "standards" / "oruk"
VERSION = "3.0"
PROFILE = "https://openreferraluk.org/uk-profile"
# Derived identifiers: uuid5 in this namespace of "<parent uuid>:<what>".
NAMESPACE = uuid.UUID("6b8f6a8e-2f1c-4a5e-9d62-0c3a1f7e5b21")


def derived_id(parent: uuid.UUID, what: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{parent}:{what}"))


@cache
def schema(name: str) -> dict:
    """A shipped schema by its path under schema/, e.g. "compiled/service" or "taxonomy"."""
    return json.loads((STANDARD / "schema" / f"{name}.json").read_text())


@cache
def openapi() -> dict:
    return schema("openapi")


@cache
def validator(name: str) -> Draft7Validator:
    return Draft7Validator(schema(name), format_checker=FormatChecker())


def json_path(parts) -> str:
    """A JSONPath for an error's location: $[3].contacts[0].name."""
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def errors_in(document, name: str, *, prefix=()) -> list[tuple[str, str]]:
    """Every (JSON path, message) where `document` breaks the shipped schema `name`."""
    found = sorted(validator(name).iter_errors(document), key=lambda e: list(map(str, e.path)))
    return [(json_path([*prefix, *error.absolute_path]), error.message) for error in found]


def _drop_empty(data: dict) -> dict:
    # ORUK leaves out what is not known rather than sending empty strings (which break formats).
    return {key: value for key, value in data.items() if value not in ("", None)}


def organisation_json(organisation) -> dict | None:
    if organisation is None:
        return None
    return _drop_empty(
        {
            "id": derived_id(NAMESPACE, f"organisation:{organisation.pk}"),
            "name": organisation.name,
            # Required by the schema; an organisation with no description says so.
            "description": organisation.description or organisation.name,
            "website": organisation.website,
        }
    )


def taxonomy_json(taxonomy: Taxonomy) -> dict:
    return _drop_empty(
        {
            "id": str(taxonomy.oruk_id),
            "name": taxonomy.name,
            "description": taxonomy.description,
            "uri": taxonomy.uri,
            "version": taxonomy.version,
        }
    )


def term_json(term: TaxonomyTerm) -> dict:
    """A taxonomy term; its parent and taxonomy are read from the prefetched objects."""
    return _drop_empty(
        {
            "id": str(term.oruk_id),
            "name": term.name,
            "description": term.description,
            "term": term.code,
            "parent_id": str(term.parent.oruk_id) if term.parent_id else None,
            "taxonomy_id": str(term.taxonomy.oruk_id) if term.taxonomy_id else None,
            "taxonomy": term.taxonomy.name if term.taxonomy_id else None,
        }
    )


def _time(value) -> str | None:
    return value.strftime("%H:%M") if value else None


def schedule_json(schedule: Schedule, service_id: str) -> dict:
    return _drop_empty(
        {
            "id": str(schedule.oruk_id),
            "service_id": service_id,
            "freq": schedule.freq,
            "interval": schedule.interval,
            "byday": schedule.byday,
            "opens_at": _time(schedule.opens_at),
            "closes_at": _time(schedule.closes_at),
            "description": schedule.description,
        }
    )


def location_json(location: Location) -> dict:
    location_id = str(location.oruk_id)
    data = {
        "id": location_id,
        "location_type": "physical",
        "name": location.name,
        "description": location.description,
        "latitude": location.latitude,
        "longitude": location.longitude,
        "addresses": [
            _drop_empty(
                {
                    "id": derived_id(location.oruk_id, "address"),
                    "location_id": location_id,
                    "address_1": location.address_1,
                    "city": location.city,
                    "state_province": location.state_province or location.city,
                    "postal_code": location.postal_code,
                    "country": "GB",
                    "address_type": "physical",
                }
            )
        ],
    }
    if location.urn:
        data["external_identifier"] = location.urn
        data["external_identifier_type"] = "urn"
    if location.accessibility:
        data["accessibility"] = [
            {
                "id": derived_id(location.oruk_id, "accessibility"),
                "location_id": location_id,
                "description": location.accessibility,
            }
        ]
    return _drop_empty(data)


def service_summary_json(service: Service) -> dict:
    """The service's own fields (the list form, compiled/service_list)."""
    data = {
        "id": str(service.oruk_id),
        "name": service.name,
        "description": service.description,
        "url": service.url,
        "email": service.email,
        "status": service.status,
        "fees": service.fees,
        "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age,
        "last_modified": service.modified_at.isoformat(),
        # HSDS 3's field: the UK profile leaves it out but allows it.
        "eligibility_description": service.eligibility,
    }
    organisation = organisation_json(service.organisation)
    if organisation:
        data["organization_id"] = organisation["id"]
        data["organization"] = organisation
    return _drop_empty(data)


def service_json(service: Service) -> dict:
    """The fully nested service (compiled/service). Expects `selectors.full_services`'
    prefetching: with it, writing any number of services costs no further queries."""
    service_id = str(service.oruk_id)
    data = service_summary_json(service)
    data["cost_options"] = [
        _drop_empty(
            {
                "id": derived_id(service.oruk_id, "cost"),
                "service_id": service_id,
                "option": "Free" if service.is_free else "Paid",
                "amount": 0 if service.is_free else None,
                "amount_description": service.fees,
            }
        )
    ]
    data["languages"] = [
        _drop_empty(
            {
                "id": str(language.oruk_id),
                "service_id": service_id,
                "name": language.name,
                "code": language.code,
            }
        )
        for language in service.languages.all()
    ]
    data["contacts"] = [
        _drop_empty(
            {
                "id": str(contact.oruk_id),
                "service_id": service_id,
                "name": contact.name,
                "title": contact.title,
                "email": contact.email,
                "phones": [
                    {
                        "id": derived_id(contact.oruk_id, "phone"),
                        "contact_id": str(contact.oruk_id),
                        "number": contact.phone,
                    }
                ]
                if contact.phone
                else None,
            }
        )
        for contact in service.contacts.all()
    ]
    data["schedules"] = [schedule_json(s, service_id) for s in service.schedules.all()]
    data["service_at_locations"] = [
        {
            "id": str(at.oruk_id),
            "service_id": service_id,
            "location_id": str(at.location.oruk_id),
            "location": location_json(at.location),
        }
        for at in service.service_at_locations.all()
    ]
    data["attributes"] = [
        {
            "id": derived_id(service.oruk_id, f"term:{term.oruk_id}"),
            "link_id": service_id,
            "link_type": "service",
            "taxonomy_term_id": str(term.oruk_id),
            "taxonomy_term": term_json(term),
        }
        for term in service.terms.all()
    ]
    return data


REMOTE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
OPENAPI_URI = REMOTE + "openapi.json"


def _retrieve(uri: str):
    """The shipped copy of a schema the OpenAPI names by its GitHub address (never fetched)."""
    from referencing import Resource
    from referencing.exceptions import NoSuchResource
    from referencing.jsonschema import DRAFT7

    if not uri.startswith(REMOTE):
        raise NoSuchResource(ref=uri)
    return Resource.from_contents(schema(uri[len(REMOTE) :].removesuffix(".json")), DRAFT7)


@cache
def response_validator(path: str) -> Draft7Validator:
    """A validator for the 200 answer of GET `path` (e.g. "/services/{id}") as the shipped
    OpenAPI describes it, its references resolved to the shipped schemas."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT7

    registry = Registry(retrieve=_retrieve).with_resource(
        OPENAPI_URI, Resource.from_contents(openapi(), DRAFT7)
    )
    pointer = path.replace("~", "~0").replace("/", "~1")
    ref = f"{OPENAPI_URI}#/paths/{pointer}/get/responses/200/content/application~1json/schema"
    return Draft7Validator({"$ref": ref}, registry=registry, format_checker=FormatChecker())


def response_errors(path: str, document) -> list[tuple[str, str]]:
    found = response_validator(path).iter_errors(document)
    return [(json_path(error.absolute_path), error.message) for error in found]


def service_at_location_summary_json(at: ServiceAtLocation) -> dict:
    """A service at a location in the list form (compiled/service_at_location_list): its own
    ids, the location, and the service's one-to-one fields."""
    return {
        "id": str(at.oruk_id),
        "service_id": str(at.service.oruk_id),
        "location_id": str(at.location.oruk_id),
        "location": location_json(at.location),
        "service": service_summary_json(at.service),
    }


def service_at_location_json(at: ServiceAtLocation) -> dict:
    """A service at a location fully nested (compiled/service_at_location): the location and
    the whole service. Expects the service from `selectors.full_services`."""
    return {
        "id": str(at.oruk_id),
        "service_id": str(at.service.oruk_id),
        "location_id": str(at.location.oruk_id),
        "location": location_json(at.location),
        "service": service_json(at.service),
    }


def service_at_location_detail_json(at: ServiceAtLocation) -> dict:
    """GET /service_at_locations/{id}: the shipped OpenAPI answers with the nested service
    (compiled/service), so it is the service, its service_at_locations narrowed to this one."""
    data = service_json(at.service)
    data["service_at_locations"] = [
        entry for entry in data["service_at_locations"] if entry["id"] == str(at.oruk_id)
    ]
    return data
