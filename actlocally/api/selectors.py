"""Reads of personal API tokens."""

from .models import ApiToken
from .services import hash_token


def tokens_of(person) -> list[ApiToken]:
    """A person's tokens for their profile page, newest first (revoked and expired too, so
    they can see what a token did until it stopped)."""
    return list(ApiToken.objects.filter(person=person).order_by("-created_at", "-pk"))


def token_of(person, pk: int) -> ApiToken | None:
    """One of the person's own tokens; None for anyone else's, alike with a missing one."""
    return ApiToken.objects.filter(person=person, pk=pk).first()


def token_by_secret(secret: str) -> ApiToken | None:
    return (
        ApiToken.objects.select_related("person").filter(key_hash=hash_token(secret)).first()
        if secret
        else None
    )
