"""Refuses a query string no page can use: a NUL character, which PostgreSQL cannot store or
compare (every filter would fail with a DataError, a 500)."""

from django.core.exceptions import BadRequest


class RefuseNulInQueryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any(
            "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
        ):
            # Answered as 400 Bad Request by Django's handler, with the 400 page.
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)
