"""DRF permission classes that ask the platform's one permission table
(actlocally/authorization/permissions.py), so the API shows a person exactly what the pages do:
404 for a partnership they may not see, 403 for a thing they may see but not do."""

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import permissions

from actlocally.authorization import get_partnership_or_404, has_permission

from .models import ApiToken


class TokenScope(permissions.BasePermission):
    """A read-only token reads: anything but GET, HEAD and OPTIONS is refused. Session requests
    are not limited here (the session carries the person's full rights, as on the pages)."""

    message = _(
        "This API token can only read. Create a token with read and write access to make changes."
    )

    def has_permission(self, request, view):
        token = request.auth
        if not isinstance(token, ApiToken) or request.method in permissions.SAFE_METHODS:
            return True
        return token.can_write


class PartnershipPermission(permissions.BasePermission):
    """For views under /partnerships/<slug>/: the partnership must be one the person may see
    (else 404, alike for missing and not theirs), and the view's `partnership_permission`
    (by default its `permission_required`) must hold for it in the permission table (else 403).
    Objects are checked against `permission_required` (else 403), as the pages check them."""

    message = _("Your role in this partnership does not let you do this.")

    def has_permission(self, request, view):
        if not request.user or not request.user.is_authenticated:
            return False
        # Loads view.partnership once, through the same helper the pages use.
        view.partnership = get_partnership_or_404(
            request.user, view.kwargs["slug"], perm="partnerships.view_partnership"
        )
        perm = getattr(view, "partnership_permission", None) or view.permission_required
        return has_permission(request.user, perm, view.partnership)

    def has_object_permission(self, request, view, obj):
        return has_permission(request.user, view.permission_required, obj)


class ObjectPermission(permissions.BasePermission):
    """For views of objects found through a visibility filter: each object found must pass the
    view's `permission_required` in the permission table; one that does not is a 404."""

    def has_permission(self, request, view):
        return bool(request.user and request.user.is_authenticated)

    def has_object_permission(self, request, view, obj):
        if not has_permission(request.user, view.permission_required, obj):
            raise Http404
        return True
