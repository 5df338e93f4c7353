"""The Bradford demo's local offer, read from the demo folder's hubs.yaml: the needs taxonomy,
Keighley's directory of illustrative services, the school holidays, and the three hubs the
source material names with illustrative timetables, spoke schools, one-stop-shop days, an autumn
term of take-up by age band and hub or spoke school, Keighley's referrals and the counts of
referrals between its hub's services (each labelled so on every page)."""

import datetime

from django.utils import timezone

from actlocally.core.audit import acting_as
from actlocally.organisations.models import Organisation, Sector

from . import services, timetable
from .models import (
    AgeBand,
    Contact,
    Frequency,
    HolidayPeriod,
    Language,
    Location,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceReferralCount,
    TakeUp,
    Taxonomy,
    TaxonomyTerm,
)

# The demo's timetables start on the first day of the autumn term (the day after the summer
# holidays in hubs.yaml) and run to the summer.
TERM_STARTS = datetime.date(2026, 9, 2)
# The autumn term: to the Friday before the Christmas holidays in hubs.yaml.
AUTUMN_TERM_ENDS = datetime.date(2026, 12, 18)
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
        holidays = HolidayPeriod.objects.bulk_create(
            HolidayPeriod(
                local_authority=la,
                name=p["name"],
                starts_on=datetime.date.fromisoformat(p["starts_on"]),
                ends_on=datetime.date.fromisoformat(p["ends_on"]),
                illustrative=True,
            )
            for p in data["holidays"]["periods"]
        )
    take_up: list[TakeUp] = []
    for fields in data["hubs"]:
        school = fields.get("school")
        hub = services.add_hub(
            partnership=context.partnerships[fields["partnership"]],
            name=fields["name"],
            school=_provider(school, context) if school else None,
            description=fields["description"],
            records_service_referrals=fields.get("records_service_referrals", False),
            illustrative=True,
            # Illustrative, like the hubs: the journey shows the day the timetable began.
            on=TERM_STARTS,
            by=context.by,
        )
        offered = {s.name: s for s in Service.objects.filter(partnership=hub.partnership)}
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
                    # The service of the same name in the local offer runs it, where there is one.
                    service=offered.get(session["title"]),
                    on=TERM_STARTS,
                    by=context.by,
                )
            )
        hub.spokes.set([_school(name, context) for name in fields.get("spokes", [])])
        _load_days(hub, fields.get("one_stop_days", []), context)
        _load_referrals(hub, fields.get("referrals", []), context)
        _load_service_referrals(hub, fields.get("service_referrals", []), context)
        take_up += _take_up(len(take_up), hub, sessions, holidays, context)
    # In bulk, each row checked as record_take_up would (none ahead of today): a term of
    # counts for three hubs would otherwise slow the demo's seeding.
    TakeUp.objects.bulk_create(take_up)


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


def _take_up(index: int, hub, sessions, holidays, context) -> list[TakeUp]:
    """Illustrative counts for every session of the autumn term that has happened (attendance
    is never recorded ahead), per age band, from the hub school and from spoke schools: small
    enough on one day to be suppressed, larger over a month; the same every time for a day."""
    bands = [AgeBand.UNDER_5, AgeBand.AGE_5_10, AgeBand.AGE_11_15, AgeBand.ADULT]
    last = min(AUTUMN_TERM_ENDS, timezone.localdate())
    rows = []
    order = {s.pk: n for n, s in enumerate(sessions)}
    for n, (day, session) in enumerate(timetable.between(sessions, holidays, TERM_STARTS, last)):
        for b_index, band in enumerate(bands):
            seed = (index * 7 + order[session.pk] * 5 + n * 3 + b_index * 2) % 11
            rows.append(
                TakeUp(
                    hub=hub,
                    session=session,
                    period_start=day,
                    period_end=day,
                    age_band=band,
                    from_hub_school_count=seed % 8 + 2,
                    from_spoke_school_count=(seed * 3) % 7,
                    recorded_by=context.by,
                    illustrative=True,
                )
            )
    return rows


def _load_service_referrals(hub, entries: list[dict], context) -> None:
    """Illustrative counts of referrals between the hub's services (bulk: the demo loads fast)."""
    offered = {s.name: s for s in Service.objects.filter(partnership=hub.partnership)}
    ServiceReferralCount.objects.bulk_create(
        ServiceReferralCount(
            hub=hub,
            from_service=offered[entry["from"]],
            to_service=offered[entry["to"]],
            on=datetime.date.fromisoformat(on),
            reason=entry["reason"],
            outcome=entry["outcome"],
            count=count,
            recorded_by=context.by,
            illustrative=True,
        )
        for entry in entries
        for on, count in entry["counts"].items()
        if datetime.date.fromisoformat(on) <= timezone.localdate()
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
