"""The unread count beside "Notifications" in the header, for signed-in people."""

from django.utils.functional import SimpleLazyObject

from . import selectors


def unread(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    # Lazy: pages without the header (feeds, partial updates) do not pay for the query.
    return {"NOTIFICATIONS_UNREAD": SimpleLazyObject(lambda: selectors.unread_count(user))}
