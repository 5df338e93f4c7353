"""The "API tokens" section of a person's profile page, which the accounts app's view includes."""

from django.utils.cache import add_never_cache_headers

from . import selectors

# The new token's secret waits here for the one page view that shows it, then is gone.
NEW_TOKEN_SESSION_KEY = "api_new_token"  # noqa: S105 (a session key name)


def profile_tokens(request) -> dict:
    """What the profile page's "API tokens" section shows: the person's tokens and, once, the
    secret of the one they have just made."""
    new = request.session.pop(NEW_TOKEN_SESSION_KEY, None)
    return {"api_tokens": selectors.tokens_of(request.user), "api_new_token": new}


def protect_new_token(response, context: dict):
    """A page showing a token's secret must not be kept by the browser or a proxy."""
    if context.get("api_new_token"):
        add_never_cache_headers(response)
    return response
