"""Request and response guards: a query string no page can use is refused, and signed-in pages
are never cached."""

from django.core.exceptions import BadRequest
from django.utils.cache import add_never_cache_headers


class RefuseNulInQueryMiddleware:
    """A NUL character, which PostgreSQL cannot store or compare (every filter would fail with a
    DataError, a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            # Answered as 400 Bad Request by Django's handler, with the 400 page.
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)


class NoStoreWhenSignedInMiddleware:
    """A signed-in page is never kept by a browser or proxy: on a shared or lost computer, the
    back button or the cache must not show someone's partnership to the next person."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            add_never_cache_headers(response)
        return response
