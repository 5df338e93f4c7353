"""Session limits (issue 14): an idle timeout (shorter for privileged people), an absolute lifetime,
"sign out everywhere", and no "keep me signed in" for privileged people, all in one middleware.

A session records when it started, when it was last used and the person's session generation at
sign-in; "sign out everywhere" raises the generation on the person, which ends every session that
holds an older one, whatever the session engine.
"""

import time
from collections.abc import Mapping

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.contrib.auth.views import redirect_to_login
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from actlocally.authorization.roles import roles_of
from actlocally.partnerships.models import Role

STARTED = "actlocally_session_started"
SEEN = "actlocally_session_seen"
GENERATION = "actlocally_session_generation"
# Last use is written at most once a minute, not on every request (each write is a database
# write); the idle timeout is therefore exact to within this many seconds.
SEEN_EVERY_SECONDS = 60

IDLE, LIFETIME, ELSEWHERE = "idle", "lifetime", "elsewhere"

# Co-ordinators and research partners run or analyse a partnership's data; board members and
# backbone staff see every partnership of their authority; site staff see everything.
PRIVILEGED_PARTNERSHIP_ROLES = frozenset({Role.COORDINATOR, Role.RESEARCH_PARTNER})


def is_privileged(user) -> bool:
    """Whether this person's sessions get the short idle timeout and end when the browser closes."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    roles = roles_of(user)
    return bool(roles.boards) or bool(
        PRIVILEGED_PARTNERSHIP_ROLES & set(roles.partnerships.values())
    )


def idle_seconds(privileged: bool) -> int:
    minutes = (
        settings.ACTLOCALLY_SESSION_IDLE_MINUTES_PRIVILEGED
        if privileged
        else settings.ACTLOCALLY_SESSION_IDLE_MINUTES
    )
    return minutes * 60


def why_ended(data: Mapping, *, now: float, privileged: bool, generation: int) -> str | None:
    """Why a signed-in session with this data has ended (IDLE, LIFETIME or ELSEWHERE), or None
    while it is still good."""
    if data.get(GENERATION, 0) != generation:
        return ELSEWHERE
    started = data.get(STARTED, now)
    if now - started > settings.ACTLOCALLY_SESSION_MAX_HOURS * 3600:
        return LIFETIME
    if now - data.get(SEEN, started) > idle_seconds(privileged):
        return IDLE
    return None


def mark_started(session, *, generation: int, now: float | None = None) -> None:
    now = time.time() if now is None else now
    session[STARTED] = session[SEEN] = now
    session[GENERATION] = generation


@receiver(user_logged_in, dispatch_uid="actlocally_session_started")
def _session_started(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        mark_started(request.session, generation=user.session_generation)


def duration(minutes: int) -> str:
    """ "30 minutes", "8 hours": how long, in the words the sign-in page uses."""
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def idle_timeouts_in_words() -> str:
    """Both idle timeouts, for the cookies page."""
    return _(
        "%(privileged)s (site staff, board members, backbone staff, research partners and "
        "co-ordinators) or %(others)s (everyone else)"
    ) % {
        "privileged": duration(settings.ACTLOCALLY_SESSION_IDLE_MINUTES_PRIVILEGED),
        "others": duration(settings.ACTLOCALLY_SESSION_IDLE_MINUTES),
    }


def explanation(reason: str, *, privileged: bool) -> str:
    if reason == IDLE:
        return _(
            "You were signed out because you had not used Act Locally for %(time)s. "
            "Sign in again to carry on."
        ) % {"time": duration(idle_seconds(privileged) // 60)}
    if reason == LIFETIME:
        return _(
            "You were signed out because you had been signed in for %(time)s, the longest a "
            "sign-in lasts. Sign in again to carry on."
        ) % {"time": duration(settings.ACTLOCALLY_SESSION_MAX_HOURS * 60)}
    return _(
        "You were signed out because someone chose “Sign out of every other device” on your "
        "profile page. If it was not you, sign in and change your password."
    )


class SessionLimitsMiddleware:
    """Ends a signed-in session that has been idle too long, has outlived its lifetime or was
    ended from another device, and sends the person to sign in with a message that says why."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            privileged = is_privileged(user)
            now = time.time()
            reason = why_ended(
                request.session, now=now, privileged=privileged, generation=user.session_generation
            )
            if reason is not None:
                return self.sign_out(request, explanation(reason, privileged=privileged))
            if STARTED not in request.session:
                # Signed in before these limits existed: the limits start counting now.
                mark_started(request.session, generation=user.session_generation, now=now)
            elif now - request.session.get(SEEN, 0) >= SEEN_EVERY_SECONDS:
                request.session[SEEN] = now
        response = self.get_response(request)
        self.forget_at_browser_close(request)
        return response

    @staticmethod
    def forget_at_browser_close(request):
        # After the view, so it also holds for the response that signs someone in ("keep me
        # signed in" ticked or not): a privileged person's cookie never outlives the browser.
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        if (
            session is not None
            and user is not None
            and user.is_authenticated
            and not session.get_expire_at_browser_close()
            and is_privileged(user)
        ):
            session.set_expiry(0)

    @staticmethod
    def sign_out(request, message):
        next_url = request.get_full_path() if request.method == "GET" else None
        logout(request)
        messages.warning(request, message)
        login_url = resolve_url(settings.LOGIN_URL)
        if request.headers.get("HX-Request"):
            # htmx would put the sign-in page inside the part it was updating.
            response = HttpResponse(status=204)
            response["HX-Redirect"] = login_url
            return response
        return redirect_to_login(next_url or "", login_url)
