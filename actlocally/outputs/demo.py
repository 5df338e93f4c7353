"""The Bradford demo's output checking: a Keighley linkage project with its analyst and two
checkers, and an illustrative dental-absence table taken through the two-checker release."""

import datetime

from actlocally.linkage.models import LinkageProject, ProjectMember

from . import services
from .models import CheckerReview, OutputRequest


def _project(context, fields) -> LinkageProject:
    partnership = context.partnerships[fields["partnership"]]
    project, _created = LinkageProject.objects.get_or_create(
        partnership=partnership,
        title=fields["title"],
        defaults={
            "purpose": fields["purpose"],
            "data_sharing_basis": fields["data_sharing_basis"],
            "end_date": datetime.date.fromisoformat(str(fields["end_date"])),
        },
    )
    for role, keys in (
        (ProjectMember.Role.ANALYST, "analysts"),
        (ProjectMember.Role.CHECKER, "checkers"),
    ):
        for key in fields.get(keys, []):
            ProjectMember.objects.get_or_create(
                project=project, user=context.people[key], role=role
            )
    return project


def load_demo(context) -> None:
    data = context.section("outputs")
    if not data:
        return
    for fields in data.get("projects", []):
        project = _project(context, fields)
        analyst = context.people[fields["analysts"][0]]
        checkers = [context.people[key] for key in fields["checkers"][:2]]
        for spec in fields.get("outputs", []):
            if OutputRequest.objects.filter(project=project, title=spec["title"]).exists():
                continue
            output = services.draft_output(
                project=project,
                title=spec["title"],
                description=spec["description"],
                table=spec["table"],
                source=OutputRequest.Source.ANALYSIS,
                analysis=spec.get("analysis", ""),
                illustrative=True,
                by=analyst,
            )
            if not spec.get("release"):
                continue
            services.submit_output(output=output, checkers=checkers, by=analyst)
            for checker in checkers:
                services.decide(output=output, decision=CheckerReview.Decision.APPROVE, by=checker)
            services.release_output(output=output, by=checkers[0])
