"""Access rules and URLs of hubs: the partnership's local offer (the hub lead manages it with
the co-ordinator), its public directory and handout, and the public ORUK API."""

from tests.factories_hubs import HubFactory, ServiceFactory, SessionFactory, TaxonomyTermFactory

from .foundation import MANAGERS, partnership_rule

ACCESS = {
    "manage_services": partnership_rule(MANAGERS | {"hub_lead"}),
    # Publishing is a POST: a GET is refused (405) to anyone signed in, before any lookup.
    "publish_service": lambda role: 302 if role == "anonymous" else 405,
}


def service(w):
    return {"slug": "keighley", "pk": ServiceFactory(partnership=w.keighley).pk}


def published_service(w):
    found = ServiceFactory(partnership=w.keighley)
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


URLS = {
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
    "oruk:root": (lambda w: {}, "public"),
    "oruk:openapi": (lambda w: {}, "public"),
    "oruk:services": (lambda w: {}, "public"),
    "oruk:service": (published_service, "public"),
    "oruk:taxonomies": (lambda w: {}, "public"),
    "oruk:taxonomy": (taxonomy, "public"),
    "oruk:taxonomy_terms": (lambda w: {}, "public"),
    "oruk:taxonomy_term": (term, "public"),
}
