"""The one entry point for permission checks: `has_permission`, the 404 helpers, and the
visibility filter that querysets use, so list pages hide exactly what detail pages refuse."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from .roles import forget_roles, roles_of

__all__ = [
    "forget_roles",
    "get_partnership_or_404",
    "has_permission",
    "require_permission",
    "roles_of",
    "visible_partnership_filter",
]


def has_permission(user, perm: str, obj=None) -> bool:
    import rules

    return rules.has_perm(perm, user, obj)


def require_permission(user, perm: str, obj=None) -> None:
    if not has_permission(user, perm, obj):
        raise PermissionDenied


def visible_partnership_filter(user) -> Q:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_staff:
        return Q()
    roles = roles_of(user)
    return Q(pk__in=list(roles.partnerships)) | Q(local_authority_id__in=list(roles.boards))


def get_partnership_or_404(user, slug: str, perm: str = "partnerships.view_partnership"):
    """The partnership, if the person may see it (404 alike for missing and not theirs), and
    PermissionDenied if they may see it but not do `perm`."""
    from actlocally.partnerships.models import Partnership

    partnership = (
        Partnership.objects.visible_to(user)
        .select_related("local_authority", "backbone", "research_partner")
        .filter(slug=slug)
        .first()
    )
    if partnership is None:
        raise Http404
    require_permission(user, perm, partnership)
    return partnership
