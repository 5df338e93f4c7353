"""Access rules and URLs of hubs: the public ORUK API (anyone, reading only)."""

from tests.factories_hubs import ServiceFactory, TaxonomyTermFactory


def published_service(w):
    found = ServiceFactory(partnership=w.keighley)
    return {"pk": found.oruk_id}


def term(w):
    return {"pk": TaxonomyTermFactory().oruk_id}


def taxonomy(w):
    return {"pk": TaxonomyTermFactory().taxonomy.oruk_id}


URLS = {
    "oruk:root": (lambda w: {}, "public"),
    "oruk:openapi": (lambda w: {}, "public"),
    "oruk:services": (lambda w: {}, "public"),
    "oruk:service": (published_service, "public"),
    "oruk:taxonomies": (lambda w: {}, "public"),
    "oruk:taxonomy": (taxonomy, "public"),
    "oruk:taxonomy_terms": (lambda w: {}, "public"),
    "oruk:taxonomy_term": (term, "public"),
}
