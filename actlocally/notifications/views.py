"""Notification pages: a person's own list, and the unsubscribe link that needs no sign-in."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from actlocally.authorization import require_permission

from . import selectors, services


@login_required
def notification_list(request):
    require_permission(request.user, "notifications.view_own")
    if request.method == "POST" and "mark_read" in request.POST:
        services.mark_all_read(person=request.user, by=request.user)
        messages.success(request, _("All your notifications are marked as read."))
        return redirect("notifications")
    notifications = selectors.latest_for(request.user)
    return render(
        request,
        "notifications/list.html",
        {
            "notifications": notifications,
            "unread": any(n.read_at is None for n in notifications),
        },
    )


def unsubscribe(request, token):
    """From the link in an email: the signed token says who and which kind, so no sign-in. A
    GET only asks (mail programs open links to scan them); the button turns the emails off."""
    found = services.read_unsubscribe_token(token)
    person = get_user_model().objects.filter(pk=found[0], is_active=True).first() if found else None
    if person is None:
        raise Http404
    kind = found[1]
    done = False
    if request.method == "POST":
        services.unsubscribe(person=person, kind=kind)
        done = True
    return render(
        request, "notifications/unsubscribe.html", {"person": person, "kind": kind, "done": done}
    )
