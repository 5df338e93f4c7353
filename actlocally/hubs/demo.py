"""The Bradford demo's local offer, read from the demo folder's hubs.yaml: the needs taxonomy,
Keighley's directory of illustrative services, the school holidays, and the three hubs the
source material names with illustrative timetables, spoke schools, one-stop-shop days, a month of
take-up and Keighley's referrals (each labelled so on every page)."""

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
        sessions = []
        for session in fields["sessions"]:
            freq = "MONTHLY" if session.get("monthly") else "WEEKLY"
            sessions.append(
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
            )
        hub.spokes.set([_school(name, context) for name in fields.get("spokes", [])])
        _load_days(hub, fields.get("one_stop_days", []), context)
        _load_take_up(hub, sessions, context)
        _load_referrals(hub, fields.get("referrals", []), context)


# The illustrative take-up: one month of the autumn term (the demo's timetables start 2 November).
TAKE_UP_FROM, TAKE_UP_TO = datetime.date(2026, 11, 2), datetime.date(2026, 11, 30)


def _school(name: str, context) -> Organisation:
    found = context.organisations.get(name) or Organisation.objects.filter(name=name).first()
    return found or Organisation.objects.create(name=name, sector=Sector.SCHOOL)


def _load_days(hub, days: list[dict], context) -> None:
    offered = {s.name: s for s in Service.objects.filter(partnership=hub.partnership)}
    for day in days:
        services.add_one_stop_day(
            hub=hub,
            title=day["title"],
            on=datetime.date.fromisoformat(day["on"]),
            starts_at=_time(day["starts_at"]),
            ends_at=_time(day["ends_at"]),
            description=day.get("description", ""),
            services=[offered[name] for name in day.get("services", [])],
            illustrative=True,
            by=context.by,
        )


def _load_take_up(hub, sessions, context) -> None:
    """Illustrative counts for each session and age band, a few small enough to be
    suppressed; the same every time the demo is seeded."""
    from .models import AgeBand
    from .takeup import record_take_up

    bands = [AgeBand.UNDER_5, AgeBand.AGE_5_10, AgeBand.AGE_11_15, AgeBand.ADULT]
    for s_index, session in enumerate(sessions):
        for b_index, band in enumerate(bands):
            seed = (hub.pk * 7 + s_index * 5 + b_index * 3) % 11
            record_take_up(
                hub=hub,
                session=session,
                period_start=TAKE_UP_FROM,
                period_end=TAKE_UP_TO,
                age_band=band,
                new_count=seed + 2,
                returning_count=seed * 3 + 8,
                illustrative=True,
                by=context.by,
            )


def _load_referrals(hub, referrals: list[dict], context) -> None:
    from .referrals import make_referral, move_referral

    school = hub.spokes.order_by("name").first()
    if school is None or not referrals:
        return
    offered = {s.name: s for s in Service.objects.filter(partnership=hub.partnership)}
    route = {
        "received": [],
        "accepted": ["accept"],
        "seen": ["accept", "see"],
        "declined": ["decline"],
    }
    for fields in referrals:
        referral = make_referral(
            partnership=hub.partnership,
            school=school,
            service=offered[fields["service"]],
            need=TaxonomyTerm.objects.get(code=fields["need"]),
            reference=fields["reference"],
            by=context.by,
        )
        for step in route[fields["status"]]:
            referral = move_referral(referral=referral, transition=step, by=context.by)
