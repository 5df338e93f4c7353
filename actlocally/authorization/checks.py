"""The permission checks views and selectors call: `has_permission`, the 404 helpers, and the
visibility filter that querysets use, so list pages hide exactly what detail pages refuse.

It imports the models it needs at the top: models never import this package (an import-linter
contract keeps it so), so there is no cycle to dodge with imports inside functions.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from actlocally.partnerships.models import Partnership

from .roles import roles_of


def has_permission(user, perm: str, obj=None) -> bool:
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
    partnership = (
        Partnership.objects.filter(visible_partnership_filter(user))
        .select_related("local_authority", "backbone", "research_partner")
        .filter(slug=slug)
        .first()
    )
    if partnership is None:
        raise Http404
    require_permission(user, perm, partnership)
    return partnership
