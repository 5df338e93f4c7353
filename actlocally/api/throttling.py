"""A rate limit per API token, kept in the default cache (Redis in production, so it holds
across processes and servers)."""

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "api_token"

    def get_rate(self):
        # Read at each request rather than at import, so the setting can change (tests do).
        return settings.API_TOKEN_RATE

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None  # session requests are people at a browser, limited by allauth
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
