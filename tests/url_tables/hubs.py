"""Access rules and URLs of hubs: the partnership's local offer (the hub lead manages it with
the co-ordinator), its public directory and handout, and the public ORUK API."""

from actlocally.partnerships.models import Role
from tests.factories_hubs import (
    HubFactory,
    OneStopShopDayFactory,
    ReferralFactory,
    ServiceFactory,
    ServiceReferralCountFactory,
    SessionFactory,
    TakeUpFactory,
    TaxonomyTermFactory,
)

from .foundation import MANAGERS, partnership_rule

ACCESS = {
    "manage_services": partnership_rule(MANAGERS | {"hub_lead"}),
    # Take-up and referrals between a hub's services: hub staff and the research partner (who
    # alone sees the small numbers).
    "view_take_up": partnership_rule(MANAGERS | {"hub_lead", Role.RESEARCH_PARTNER}),
    # Publishing is a POST: a GET is refused (405) to anyone signed in, before any lookup.
    "publish_service": lambda role: 302 if role == "anonymous" else 405,
}


def service(w):
    return {"slug": "keighley", "pk": ServiceFactory(partnership=w.keighley).pk}


def published_service(w):
    found = ServiceFactory(partnership=w.keighley)
    return {"pk": found.oruk_id}


def published_service_at_location(w):
    from tests.factories_hubs import ServiceAtLocationFactory

    found = ServiceAtLocationFactory(service=ServiceFactory(partnership=w.keighley))
    return {"pk": found.oruk_id}


def term(w):
    return {"pk": TaxonomyTermFactory().oruk_id}


def taxonomy(w):
    return {"pk": TaxonomyTermFactory().taxonomy.oruk_id}


def hub(w):
    found = HubFactory(partnership=w.keighley)
    SessionFactory(hub=found)
    return {"slug": "keighley", "pk": found.pk}


def keighley_hub(w):
    return {"slug": "keighley", "pk": HubFactory(partnership=w.keighley).pk}


def holiday(w):
    from tests.factories_hubs import HolidayPeriodFactory

    found = HolidayPeriodFactory(local_authority=w.keighley.local_authority)
    return {"slug": "keighley", "pk": found.pk}


def hub_session(w):
    found = SessionFactory(hub=HubFactory(partnership=w.keighley))
    return {"slug": "keighley", "pk": found.hub_id, "session_pk": found.pk}


def hub_day(w):
    found = OneStopShopDayFactory(hub=HubFactory(partnership=w.keighley))
    return {"slug": "keighley", "pk": found.hub_id, "day_pk": found.pk}


def take_up_row(w):
    found = TakeUpFactory(session=SessionFactory(hub=HubFactory(partnership=w.keighley)))
    return {"slug": "keighley", "pk": found.hub_id, "row_pk": found.pk}


def hub_with_take_up(w):
    found = TakeUpFactory(session=SessionFactory(hub=HubFactory(partnership=w.keighley)))
    return {"slug": "keighley", "pk": found.hub_id}


def hub_with_service_referrals(w):
    found = ServiceReferralCountFactory(
        hub=HubFactory(partnership=w.keighley, records_service_referrals=True)
    )
    return {"slug": "keighley", "pk": found.hub_id}


def service_referral_row(w):
    found = ServiceReferralCountFactory(
        hub=HubFactory(partnership=w.keighley, records_service_referrals=True)
    )
    return {"slug": "keighley", "pk": found.hub_id, "row_pk": found.pk}


def referral(w):
    found = ReferralFactory(service=ServiceFactory(partnership=w.keighley))
    return {"slug": "keighley", "pk": found.pk}


URLS = {
    "hubs_hub_new": (lambda w: {"slug": "keighley"}, "manage_services"),
    "hubs_hub_manage": (keighley_hub, "manage_services"),
    "hubs_hub_edit": (keighley_hub, "manage_services"),
    "hubs_hub_remove": (keighley_hub, "manage_services"),
    "hubs_session_edit": (hub_session, "manage_services"),
    "hubs_session_remove": (hub_session, "manage_services"),
    "hubs_day_new": (keighley_hub, "manage_services"),
    "hubs_day_edit": (hub_day, "manage_services"),
    "hubs_day_remove": (hub_day, "manage_services"),
    "hubs_take_up": (hub_with_take_up, "view_take_up"),
    "hubs_take_up_chart": (hub_with_take_up, "view_take_up"),
    "hubs_take_up_csv": (hub_with_take_up, "view_take_up"),
    "hubs_take_up_remove": (take_up_row, "manage_services"),
    "hubs_service_referrals": (hub_with_service_referrals, "view_take_up"),
    "hubs_service_referrals_csv": (hub_with_service_referrals, "view_take_up"),
    "hubs_service_referrals_remove": (service_referral_row, "manage_services"),
    "hubs_referrals": (lambda w: {"slug": "keighley"}, "view"),
    "hubs_referral_new": (lambda w: {"slug": "keighley"}, "manage_services"),
    "hubs_referral_move": (referral, "publish_service"),
    "hubs_holidays": (lambda w: {"slug": "keighley"}, "manage"),
    "hubs_holiday_remove": (holiday, "publish_service"),
    "hubs_session_new": (keighley_hub, "manage_services"),
    "hub": (hub, "public"),
    "hub_calendar": (hub, "public"),
    "hubs_services": (lambda w: {"slug": "keighley"}, "view"),
    "hubs_service_new": (lambda w: {"slug": "keighley"}, "manage_services"),
    "hubs_service_edit": (service, "manage_services"),
    "hubs_service_publish": (service, "publish_service"),
    "local_offer": (lambda w: {"slug": "keighley"}, "public"),
    "local_offer_handout": (lambda w: {"slug": "keighley"}, "public"),
    "local_offer_geojson": (lambda w: {"slug": "keighley"}, "public"),
    "oruk:root": (lambda w: {}, "public"),
    "oruk:openapi": (lambda w: {}, "public"),
    "oruk:services": (lambda w: {}, "public"),
    "oruk:service": (published_service, "public"),
    "oruk:service_at_locations": (lambda w: {}, "public"),
    "oruk:service_at_location": (published_service_at_location, "public"),
    "oruk:taxonomies": (lambda w: {}, "public"),
    "oruk:taxonomy": (taxonomy, "public"),
    "oruk:taxonomy_terms": (lambda w: {}, "public"),
    "oruk:taxonomy_term": (term, "public"),
}
