"""The partnership overview's panel: its released statistics from connected data, and for the
people named on its linkage projects, the way to their outputs or their checking queue."""

from actlocally.linkage.models import ProjectMember

from .models import OutputRequest


def overview(*, partnership, user) -> dict | None:
    released = list(
        OutputRequest.objects.filter(
            project__partnership=partnership, status=OutputRequest.Status.RELEASED
        ).order_by("-released_at")[:5]
    )
    roles = list(
        ProjectMember.objects.filter(project__partnership=partnership, user=user).select_related(
            "project"
        )
    )
    analyst_of = [m.project for m in roles if m.role == ProjectMember.Role.ANALYST]
    checker = any(m.role == ProjectMember.Role.CHECKER for m in roles)
    if not (released or analyst_of or checker):
        return None
    return {"released": released, "analyst_of": analyst_of, "checker": checker}
