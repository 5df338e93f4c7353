"""Factories of output checking: a linkage project with its analyst and two checkers, and an
output request on it. (The linkage project factory here is the minimum output checking needs.)"""

import datetime
from types import SimpleNamespace

import factory

from actlocally.linkage.models import LinkageProject, ProjectMember
from actlocally.outputs import services
from actlocally.outputs.models import OutputRequest

from .factories import PartnershipFactory, UserFactory

TABLE = {
    "columns": ["Ward", "Dental", "Other"],
    "rows": [["Keighley Central", 212, 1843], ["Worth Valley", 64, 1138], ["Craven", 8, 1024]],
}


class LinkageProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LinkageProject

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Dental health and attendance {n}")
    purpose = "To understand dental-reason absence."
    data_sharing_basis = "A data-sharing agreement (test)."
    end_date = datetime.date(2030, 8, 31)


class ProjectMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectMember

    project = factory.SubFactory(LinkageProjectFactory)
    user = factory.SubFactory(UserFactory)
    role = ProjectMember.Role.ANALYST


def output_world(**project_fields) -> SimpleNamespace:
    """A project with an analyst, three checkers and a drafted output by the analyst."""
    project = LinkageProjectFactory(**project_fields)
    people = SimpleNamespace(project=project)
    people.analyst = ProjectMemberFactory(project=project).user
    people.checkers = [
        ProjectMemberFactory(project=project, role=ProjectMember.Role.CHECKER).user
        for _ in range(3)
    ]
    people.output = services.draft_output(
        project=project,
        title="Dental-reason absence by ward",
        description="Children on roll, by ward.",
        table=TABLE,
        source=OutputRequest.Source.UPLOAD,
        by=people.analyst,
    )
    return people
