"""Who is named on a linkage project, for the permission table (authorization/permissions.py).

Being named is not enough for the data: an analyst reaches it only signed in with a second
factor when the platform requires MFA (ACTLOCALLY_REQUIRE_MFA), even if their partnership role
would not otherwise need one.
"""

import rules
from django.conf import settings

from .models import LinkageProject, ProjectMember


def _roles(user, project) -> set[str]:
    if not isinstance(project, LinkageProject) or not getattr(user, "is_authenticated", False):
        return set()
    cache = getattr(user, "_linkage_roles", None)
    if cache is None:
        cache = {}
        for project_id, role in ProjectMember.objects.filter(user=user).values_list(
            "project_id", "role"
        ):
            cache.setdefault(project_id, set()).add(role)
        user._linkage_roles = cache
    return cache.get(project.pk, set())


def _second_factor(user) -> bool:
    if not settings.ACTLOCALLY_REQUIRE_MFA:
        return True
    from actlocally.accounts.mfa import has_mfa

    return has_mfa(user)


@rules.predicate
def is_project_member_with_data(user, project) -> bool:
    """A named analyst of an open project, with a second factor where the platform needs one."""
    return (
        user.is_active
        and ProjectMember.Role.ANALYST in _roles(user, project)
        and project.status == LinkageProject.Status.OPEN
        and _second_factor(user)
    )


@rules.predicate
def is_project_member(user, project) -> bool:
    return bool(getattr(user, "is_active", False) and _roles(user, project))
