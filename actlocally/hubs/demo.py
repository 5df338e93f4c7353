"""The Bradford demo's local offer, read from the demo folder's hubs.yaml: the needs taxonomy
and Keighley's directory of illustrative services (each labelled so on every page)."""

import datetime

from actlocally.core.audit import acting_as
from actlocally.organisations.models import Organisation, Sector

from .models import (
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

# A provider the demo names but the demo's organisations do not hold: its sector by its name.
SECTORS = (("NHS", Sector.HEALTH), ("Council", Sector.LOCAL_AUTHORITY), ("Police", Sector.POLICE))


def _provider(name: str, context) -> Organisation:
    found = context.organisations.get(name) or Organisation.objects.filter(name=name).first()
    if found is None:
        sector = next((s for word, s in SECTORS if word in name), Sector.VCSE)
        found = Organisation.objects.create(name=name, sector=sector)
    return found


def _time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def load_demo(context) -> None:
    data = context.section("hubs")
    if not data:
        return
    with acting_as(context.by):
        taxonomy = Taxonomy.objects.create(
            name=data["taxonomy"]["name"], description=data["taxonomy"]["description"]
        )
        terms = {
            t["code"]: TaxonomyTerm.objects.create(taxonomy=taxonomy, **t)
            for t in data["taxonomy"]["terms"]
        }
        for slug, offer in data["offers"].items():
            partnership = context.partnerships[slug]
            locations = {
                fields["key"]: Location.objects.create(
                    partnership=partnership,
                    **{k: v for k, v in fields.items() if k not in ("key", "illustrative")},
                )
                for fields in offer["locations"]
            }
            for fields in offer["services"]:
                service = Service.objects.create(
                    partnership=partnership,
                    organisation=_provider(fields["provider"], context),
                    name=fields["name"],
                    description=fields["description"],
                    eligibility=fields.get("eligibility", ""),
                    minimum_age=fields.get("minimum_age"),
                    maximum_age=fields.get("maximum_age"),
                    is_free=fields["free"],
                    fees=fields.get("fees", ""),
                    status=fields.get("status", "active"),
                    published=True,
                    illustrative=True,
                )
                service.terms.set([terms[code] for code in fields["needs"]])
                ServiceAtLocation.objects.create(
                    service=service, location=locations[fields["location"]]
                )
                Language.objects.bulk_create(
                    Language(service=service, name=name) for name in fields["languages"]
                )
                if fields.get("contact"):
                    Contact.objects.create(service=service, title=fields["contact"])
                schedule = fields.get("schedule")
                if schedule:
                    Schedule.objects.create(
                        service=service,
                        freq=Frequency.MONTHLY
                        if schedule["byday"][0].isdigit()
                        else Frequency.WEEKLY,
                        byday=schedule["byday"],
                        opens_at=_time(schedule["opens_at"]),
                        closes_at=_time(schedule["closes_at"]),
                        description=schedule["description"],
                    )
