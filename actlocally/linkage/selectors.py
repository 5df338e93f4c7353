"""Reads of the linkage app, each in a constant number of queries."""

from django.db.models import QuerySet
from django.http import Http404

from actlocally.authorization import has_permission
from actlocally.partnerships.models import Partnership, Role

from .models import LinkageProject, LinkageRun


def projects_for(user) -> QuerySet[LinkageProject]:
    """The projects a person is named on."""
    return (
        LinkageProject.objects.filter(members__user=user)
        .select_related("partnership")
        .distinct()
        .order_by("-created")
    )


def partnerships_for_new_project(user) -> list[Partnership]:
    """Where the person is the research partner: the partnerships they may start a project for."""
    return list(
        Partnership.objects.filter(
            memberships__person=user, memberships__role=Role.RESEARCH_PARTNER
        ).order_by("name")
    )


def project_or_404(user, pk: int, perm: str = "linkage.view_project") -> LinkageProject:
    """The project if the person is named on it (404 alike for missing and not theirs), and
    PermissionDenied if named but not allowed `perm`."""
    project = LinkageProject.objects.select_related("partnership").filter(pk=pk).first()
    if project is None or not has_permission(user, "linkage.view_project", project):
        raise Http404
    from actlocally.authorization import require_permission

    require_permission(user, perm, project)
    return project


def project_page(project: LinkageProject) -> dict:
    return {
        "members": list(project.members.select_related("user").order_by("role", "user__email")),
        "extracts": list(project.extracts.all()),
        "runs": list(project.runs.all()[:5]),
    }


def latest_run(project: LinkageProject) -> LinkageRun | None:
    return project.runs.filter(status=LinkageRun.Status.DONE).first()
