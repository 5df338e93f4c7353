"""`Authorization: Bearer <token>` with a personal API token; a wrong, expired or revoked token is
refused with 401 and a sentence saying what to do."""

import logging

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from rest_framework import authentication, exceptions

from . import selectors, services

logger = logging.getLogger("actlocally.api")


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None  # no token: the session may still sign the person in
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(
                _("Send the token as 'Authorization: Bearer <token>', with nothing else.")
            )
        try:
            secret = header[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("That API token is not valid.")) from None

        token = selectors.token_by_secret(secret)
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("That API token is not valid. Check you copied all of it.")
            )
        if token.is_revoked:
            self._refuse(token, "revoked")
            raise exceptions.AuthenticationFailed(
                _("This API token was revoked. Create a new one on your profile page.")
            )
        if token.is_expired:
            self._refuse(token, "expired")
            raise exceptions.AuthenticationFailed(
                _("This API token expired on %(date)s. Create a new one on your profile page.")
                % {"date": formats.date_format(timezone.localtime(token.expires_at), "j F Y")}
            )
        if not token.person.is_active:
            self._refuse(token, "inactive person")
            raise exceptions.AuthenticationFailed(_("This account can no longer use the API."))

        services.record_use(
            token=token,
            method=request.method,
            path=request.get_full_path(),
            remote_addr=request.META.get("REMOTE_ADDR"),
        )
        return token.person, token

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'

    @staticmethod
    def _refuse(token, why: str) -> None:
        logger.warning("api token refused", extra={"token_prefix": token.prefix, "reason": why})


def register_schema_extension():
    """Describe the token to drf-spectacular, so the OpenAPI schema and Swagger UI offer it."""
    from drf_spectacular.extensions import OpenApiAuthenticationExtension

    class BearerTokenScheme(OpenApiAuthenticationExtension):
        target_class = BearerTokenAuthentication
        name = "personalApiToken"

        def get_security_definition(self, auto_schema):
            return {
                "type": "http",
                "scheme": "bearer",
                "description": _(
                    "A personal API token from your profile page, e.g. "
                    "'Authorization: Bearer actl_…'."
                ),
            }

    return BearerTokenScheme
