"""The Bradford demo's local offer, read from the demo folder's hubs.yaml: the needs taxonomy,
Keighley's directory of illustrative services, the school holidays, and the three hubs the
source material names with illustrative timetables (each labelled so on every page)."""

import datetime

from actlocally.core.audit import acting_as
from actlocally.organisations.models import Organisation, Sector

from . import services
from .models import (
    Contact,
    Frequency,
    HolidayPeriod,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    Taxonomy,
    TaxonomyTerm,
)

# The demo's timetables start on the Monday after October half term and run to the summer.
TERM_STARTS = datetime.date(2026, 11, 2)
TERM_ENDS = "20270722"
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

    _load_hubs(data, context)


def _first(weekday: str) -> datetime.date:
    """The first date from TERM_STARTS on the weekday of a BYDAY value ("TU", "1SA")."""
    names = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    target = names.index(weekday.lstrip("-0123456789"))
    return TERM_STARTS + datetime.timedelta(days=(target - TERM_STARTS.weekday()) % 7)


def _load_hubs(data, context) -> None:
    if not data.get("hubs"):
        return
    la = next(iter(context.partnerships.values())).local_authority
    with acting_as(context.by):
        HolidayPeriod.objects.bulk_create(
            HolidayPeriod(
                local_authority=la,
                name=p["name"],
                starts_on=datetime.date.fromisoformat(p["starts_on"]),
                ends_on=datetime.date.fromisoformat(p["ends_on"]),
                illustrative=True,
            )
            for p in data["holidays"]["periods"]
        )
    for fields in data["hubs"]:
        school = fields.get("school")
        hub = services.add_hub(
            partnership=context.partnerships[fields["partnership"]],
            name=fields["name"],
            school=_provider(school, context) if school else None,
            description=fields["description"],
            illustrative=True,
            # Illustrative, like the hubs: the journey shows the day the timetable began.
            on=TERM_STARTS,
            by=context.by,
        )
        for session in fields["sessions"]:
            freq = "MONTHLY" if session.get("monthly") else "WEEKLY"
            services.add_session(
                hub=hub,
                title=session["title"],
                first_on=_first(session["weekday"]),
                starts_at=_time(session["starts_at"]),
                ends_at=_time(session["ends_at"]),
                rrule=f"FREQ={freq};BYDAY={session['weekday']};UNTIL={TERM_ENDS}",
                on=TERM_STARTS,
                by=context.by,
            )
