"""Access rules and URLs of the API (/api/) and of the pages that manage API tokens.

The API answers in JSON, never with a redirect to sign in: 401 for no credentials, 404 for a
partnership the person may not see (as the pages do), 403 for what they see but may not do.
"""

from tests import factories

from .actionplan import with_action
from .foundation import VIEWERS

ACCESS = {
    "api_public": lambda role: 200,
    "api_signed_in": lambda role: 401 if role == "anonymous" else 200,
    "api_view": lambda role: 401 if role == "anonymous" else (200 if role in VIEWERS else 404),
    # Write endpoints answer GET with 405 once the person may see the partnership.
    "api_write": lambda role: 401 if role == "anonymous" else (405 if role in VIEWERS else 404),
    # A person's own token: the token below belongs to the "member"; anyone else gets 404.
    "own_token": lambda role: 302 if role == "anonymous" else (200 if role == "member" else 404),
}


def slug(w):
    return {"slug": "keighley"}


def member_token(w):
    return {"pk": factories.ApiTokenFactory(person=w.people["member"]).pk}


URLS = {
    "api:schema": (lambda w: {}, "api_public"),
    "api:docs": (lambda w: {}, "api_public"),
    "api:partnerships": (lambda w: {}, "api_signed_in"),
    "api:partnership": (slug, "api_view"),
    "api:focus_issues": (slug, "api_view"),
    "api:actions": (slug, "api_view"),
    "api:action": (with_action, "api_view"),
    "api:action_progress": (with_action, "api_write"),
    "api:meetings": (slug, "api_view"),
    "api:statements": (slug, "api_view"),
    "api_token_create": (lambda w: {}, "signed_in"),
    "api_token_revoke": (member_token, "own_token"),
}
