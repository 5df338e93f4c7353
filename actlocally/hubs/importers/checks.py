"""Checking an ORUK JSON file before anything is written: the shipped schema, then our own
limits; each error names its place in the file as a JSON path."""

import datetime
import json
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from actlocally.partnerships.models import Partnership

from .. import oruk
from ..models import (
    Contact,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    TaxonomyTerm,
)

# The most services one file may hold: beyond this it is not a local offer.
MOST_SERVICES = 10_000


@dataclass
class FileError:
    path: str
    message: str

    def __str__(self):
        return f"{self.path}: {self.message}"


class ImportRejected(Exception):
    """The file was not imported; `errors` says where and why."""

    def __init__(self, errors: list[FileError]):
        super().__init__("; ".join(map(str, errors[:5])))
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    services: list[Service] = field(default_factory=list)


def parse(raw: bytes | str) -> list:
    """The services in an ORUK file: a JSON array of full services, or an API page of them
    (an object with `contents`)."""
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError) as error:
        raise ImportRejected([FileError("$", _("This is not JSON: %s") % error)]) from None
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        return document["contents"]
    if not isinstance(document, list):
        raise ImportRejected(
            [FileError("$", _("Expected a list of services (or a page with “contents”)."))]
        )
    return document


def _max_lengths(model) -> dict[str, int]:
    return {f.name: f.max_length for f in model._meta.fields if getattr(f, "max_length", None)}


def _time(value: str | None):
    if not value:
        return None
    return datetime.time.fromisoformat(value[:8])


def _check_lengths(errors, data: dict, model, names: dict[str, str], at: str):
    limits = _max_lengths(model)
    for key, name in names.items():
        value = data.get(key)
        if isinstance(value, str) and len(value) > limits[name]:
            errors.append(
                FileError(f"{at}.{key}", _("Longer than %(n)s characters.") % {"n": limits[name]})
            )


def check(services: list, *, partnership: Partnership) -> list[FileError]:
    """Every error in the file: the shipped schema's, then ours (lengths, ages, times,
    places, and identifiers that belong to another area)."""
    if len(services) > MOST_SERVICES:
        return [FileError("$", _("More than %(n)s services.") % {"n": MOST_SERVICES})]
    errors: list[FileError] = []
    for index, data in enumerate(services):
        errors += [
            FileError(p, m) for p, m in oruk.errors_in(data, "compiled/service", prefix=[index])
        ]
    if errors:
        return errors
    seen: set[str] = set()
    for index, data in enumerate(services):
        at = f"$[{index}]"
        # HSDS 3's fields the UK profile leaves out (so its schema does not type them).
        extras = [(f"{at}.eligibility_description", data.get("eligibility_description"))]
        extras += [
            (f"{at}.contacts[{i}].email", item.get("email"))
            for i, item in enumerate(data.get("contacts", []))
        ]
        extras += [
            (f"{at}.languages[{i}].code", item.get("code"))
            for i, item in enumerate(data.get("languages", []))
        ]
        errors += [
            FileError(path, _("Expected text."))
            for path, value in extras
            if value is not None and not isinstance(value, str)
        ]
        if data["id"] in seen:
            errors.append(FileError(f"{at}.id", _("This service is in the file twice.")))
        seen.add(data["id"])
        _check_lengths(
            errors,
            data,
            Service,
            {"name": "name", "fees": "fees", "url": "url", "email": "email"},
            at,
        )
        ages = []
        for key in ("minimum_age", "maximum_age"):
            age = data.get(key)
            if age is not None and not (0 <= age <= 150 and float(age).is_integer()):
                errors.append(FileError(f"{at}.{key}", _("An age is a whole number of years.")))
            ages.append(age)
        if None not in ages and ages[0] > ages[1]:
            errors.append(
                FileError(f"{at}.minimum_age", _("The youngest age is above the oldest."))
            )
        for i, item in enumerate(data.get("schedules", [])):
            here = f"{at}.schedules[{i}]"
            if item.get("freq") is None:
                errors.append(FileError(f"{here}.freq", _("Say how often: WEEKLY or MONTHLY.")))
            interval = item.get("interval", 1)
            if not (1 <= interval <= 52 and float(interval).is_integer()):
                errors.append(FileError(f"{here}.interval", _("Every 1 to 52 weeks or months.")))
            for key in ("opens_at", "closes_at"):
                try:
                    _time(item.get(key))
                except ValueError:
                    errors.append(FileError(f"{here}.{key}", _("A time is like 09:30.")))
            _check_lengths(
                errors, item, Schedule, {"byday": "byday", "description": "description"}, here
            )
        for i, item in enumerate(data.get("languages", [])):
            here = f"{at}.languages[{i}]"
            # The UK profile's language holds only ids; HSDS 3 adds name and code.
            if item.get("name") is not None and not isinstance(item["name"], str):
                errors.append(FileError(f"{here}.name", _("Name the language in words.")))
            _check_lengths(errors, item, Language, {"name": "name", "code": "code"}, here)
        for i, item in enumerate(data.get("contacts", [])):
            here = f"{at}.contacts[{i}]"
            _check_lengths(
                errors, item, Contact, {"name": "name", "title": "title", "email": "email"}, here
            )
            phones = item.get("phones") or []
            if phones and (
                not isinstance(phones, list)
                or not isinstance(phones[0], dict)
                or not isinstance(phones[0].get("number"), str)
                or len(phones[0]["number"]) > 30
            ):
                errors.append(
                    FileError(f"{here}.phones", _("A phone number of up to 30 characters."))
                )
        places: set[str] = set()
        for i, item in enumerate(data.get("service_at_locations", [])):
            here = f"{at}.service_at_locations[{i}].location"
            location = item.get("location")
            if not isinstance(location, dict) or not isinstance(location.get("id"), str):
                errors.append(FileError(here, _("Give the location, with its id.")))
                continue
            try:
                place = str(uuid.UUID(location["id"]))
            except ValueError:
                errors.append(FileError(f"{here}.id", _("A location's id is a UUID.")))
                continue
            if place in places:
                errors.append(FileError(f"{here}.id", _("This location is given twice.")))
            places.add(place)
            addresses = location.get("addresses") or []
            if not addresses:
                errors.append(FileError(f"{here}.addresses", _("Give the location's address.")))
            else:
                _check_lengths(
                    errors,
                    addresses[0],
                    Location,
                    {
                        "address_1": "address_1",
                        "city": "city",
                        "state_province": "state_province",
                        "postal_code": "postal_code",
                    },
                    f"{here}.addresses[0]",
                )
            _check_lengths(errors, location, Location, {"name": "name"}, here)
            if not location.get("name"):
                errors.append(FileError(f"{here}.name", _("Name the location.")))
            lat, lng = location.get("latitude"), location.get("longitude")
            if lat is not None and not -90 <= lat <= 90:
                errors.append(FileError(f"{here}.latitude", _("A latitude is from -90 to 90.")))
            if lng is not None and not -180 <= lng <= 180:
                errors.append(FileError(f"{here}.longitude", _("A longitude is from -180 to 180.")))
        for i, item in enumerate(data.get("attributes", [])):
            term = item.get("taxonomy_term")
            if item.get("taxonomy_term_id") and term is None:
                continue
            if not isinstance(term, dict):
                errors.append(FileError(f"{at}.attributes[{i}].taxonomy_term", _("Give the term.")))
            else:
                _check_lengths(
                    errors,
                    term,
                    TaxonomyTerm,
                    {"name": "name", "term": "code"},
                    f"{at}.attributes[{i}].taxonomy_term",
                )
    if errors:
        return errors
    ids = [uuid.UUID(data["id"]) for data in services]
    elsewhere = set(
        Service.objects.filter(oruk_id__in=ids)
        .exclude(partnership=partnership)
        .values_list("oruk_id", flat=True)
    )
    location_ids = {
        uuid.UUID(item["location"]["id"])
        for data in services
        for item in data.get("service_at_locations", [])
    }
    locations_elsewhere = set(
        Location.objects.filter(oruk_id__in=location_ids)
        .exclude(partnership=partnership)
        .values_list("oruk_id", flat=True)
    )
    errors += _check_part_ids(services)
    for index, data in enumerate(services):
        if uuid.UUID(data["id"]) in elsewhere:
            errors.append(FileError(f"$[{index}].id", _("This service belongs to another area.")))
        for i, item in enumerate(data.get("service_at_locations", [])):
            if uuid.UUID(item["location"]["id"]) in locations_elsewhere:
                errors.append(
                    FileError(
                        f"$[{index}].service_at_locations[{i}].location.id",
                        _("This location belongs to another area."),
                    )
                )
    return errors


PARTS = {
    "languages": Language,
    "contacts": Contact,
    "schedules": Schedule,
    "service_at_locations": ServiceAtLocation,
}


def _check_part_ids(services: list) -> list[FileError]:
    """A part (language, contact, schedule, service at a location) is one service's: its id
    may appear once in the file and not on a service the file does not hold."""
    errors: list[FileError] = []
    in_file = {uuid.UUID(data["id"]) for data in services}
    for key, model in PARTS.items():
        seen: dict[uuid.UUID, str] = {}
        for index, data in enumerate(services):
            for i, item in enumerate(data.get(key, [])):
                part_id = uuid.UUID(item["id"])
                here = f"$[{index}].{key}[{i}].id"
                if part_id in seen:
                    errors.append(FileError(here, _("This id is also at %s.") % seen[part_id]))
                seen[part_id] = here
        taken = (
            model.objects.filter(oruk_id__in=seen)
            .exclude(service__oruk_id__in=in_file)
            .values_list("oruk_id", flat=True)
        )
        errors += [FileError(seen[i], _("This id belongs to another service.")) for i in taken]
    return errors
