"""Access rules and the URL table for symposium pages and the public phone flow."""

from actlocally.partnerships.models import Role
from tests import factories

from .foundation import MEMBER_ROLES, partnership_rule

TAKE_PART = set(MEMBER_ROLES) - {Role.OBSERVER}

ACCESS = {
    # Members of the partnership contribute and rank (observers watch); others who may see the
    # partnership are refused; everyone else gets 404.
    "take_part": partnership_rule(TAKE_PART),
    # The phone flow's inner pages: without a working code in the session, back to /join/.
    "guest_flow": lambda role: 302,
}


def symposium(world):
    return factories.SymposiumFactory(partnership=world.keighley)


def sk(world):
    return {"slug": "keighley", "pk": symposium(world).pk}


def with_contribution(world):
    c = factories.ContributionFactory(symposium=symposium(world))
    return {"slug": "keighley", "pk": c.symposium_id, "cpk": c.pk}


def with_candidate(world):
    c = factories.CandidateFactory(symposium=symposium(world))
    return {"slug": "keighley", "pk": c.symposium_id, "cpk": c.pk}


URLS = {
    "symposia": (lambda w: {"slug": "keighley"}, "view"),
    "symposium_new": (lambda w: {"slug": "keighley"}, "manage"),
    "symposium": (sk, "view"),
    "symposium_edit": (sk, "manage"),
    "symposium_codes": (sk, "manage"),
    "symposium_contribute": (sk, "take_part"),
    "symposium_contribution_remove": (with_contribution, "manage"),
    "symposium_merge": (sk, "manage"),
    "symposium_candidate": (with_candidate, "manage"),
    "symposium_stage": (sk, "manage"),
    "symposium_rank": (sk, "take_part"),
    "symposium_results": (sk, "view"),
    "symposium_results_csv": (sk, "view"),
    "symposium_contributions_csv": (sk, "view"),
    "symposium_agree": (sk, "manage"),
    "join": (lambda w: {}, "public"),
    "join_name": (lambda w: {}, "guest_flow"),
    "join_role": (lambda w: {}, "guest_flow"),
    "join_check": (lambda w: {}, "guest_flow"),
    "join_home": (lambda w: {}, "guest_flow"),
    "join_kind": (lambda w: {}, "guest_flow"),
    "join_text": (lambda w: {}, "guest_flow"),
    "join_contribution_check": (lambda w: {}, "guest_flow"),
    "join_rank": (lambda w: {}, "guest_flow"),
    "join_rank_check": (lambda w: {}, "guest_flow"),
}
