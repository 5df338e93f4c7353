"""Multi-factor authentication (allauth's MFA: an authenticator app and recovery codes), required
for the roles that reach every partnership of an authority or record-level data."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from actlocally.authorization.roles import roles_of
from actlocally.partnerships.models import Role

# Board roles (board members and backbone staff) see every partnership of their authority;
# research partners will reach record-level data. Site staff reach the Django admin.
PRIVILEGED_PARTNERSHIP_ROLES = frozenset({Role.RESEARCH_PARTNER})


def needs_mfa(user) -> bool:
    """Whether this person must sign in with a second factor."""
    if not getattr(user, "is_authenticated", False):
        return False
    # Data guardians read who looked at whose data, across every partnership.
    if user.is_staff or user.is_superuser or getattr(user, "is_data_guardian", False):
        return True
    roles = roles_of(user)
    return (
        bool(roles.boards)
        or bool(PRIVILEGED_PARTNERSHIP_ROLES & set(roles.partnerships.values()))
        or _on_an_open_linkage_project(user)
    )


def _on_an_open_linkage_project(user) -> bool:
    """Analysts reach pseudonymised records and checkers unreleased outputs, whatever their
    partnership role: without this they were never asked to set up a second factor, and the
    project's pages then refused them."""
    from actlocally.linkage.models import LinkageProject, ProjectMember

    return ProjectMember.objects.filter(
        user=user, project__status=LinkageProject.Status.OPEN
    ).exists()


def has_mfa(user) -> bool:
    from allauth.mfa.models import Authenticator

    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_context(request) -> dict:
    """Whether the service requires MFA (the demo logins say so) and whether this person's role
    does (the set-up page says why)."""
    return {
        "REQUIRE_MFA": settings.ACTLOCALLY_REQUIRE_MFA,
        "require_mfa": settings.ACTLOCALLY_REQUIRE_MFA and needs_mfa(request.user),
    }


class RequireMfaMiddleware:
    """Someone who needs MFA and has not set it up is taken to set it up, and can do nothing else
    until they have: every other page answers with a redirect to the set-up page."""

    # Set-up itself, signing out, and what those pages load.
    ALLOWED_PREFIXES = ("/accounts/2fa/", "/accounts/logout/", "/accounts/reauthenticate/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.ACTLOCALLY_REQUIRE_MFA
            and needs_mfa(request.user)
            and not request.path.startswith(self.ALLOWED_PREFIXES)
            and not request.path.startswith("/" + settings.STATIC_URL.lstrip("/"))
            and request.path != reverse("healthz")
            and not has_mfa(request.user)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
