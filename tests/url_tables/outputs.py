"""Access rules and URLs of output checking: the project's analyst (the research partner here)
reaches its outputs; a checker (a member here) only the outputs sent to them; a released table
is read by whoever sees the partnership. Site staff get no way in."""

from actlocally.linkage.models import LinkageProject, ProjectMember
from actlocally.outputs import services
from actlocally.outputs.models import OutputRequest
from tests.factories import UserFactory
from tests.factories_outputs import TABLE, LinkageProjectFactory

from .foundation import MANAGERS, VIEWERS, partnership_rule

ANALYST, CHECKER = "research_partner", "member"

ACCESS = {
    "outputs_analyst": lambda role: 302 if role == "anonymous" else 200 if role == ANALYST else 404,
    "outputs_queue": lambda role: 302 if role == "anonymous" else 200 if role == CHECKER else 403,
    "outputs_view": lambda role: (
        302 if role == "anonymous" else 200 if role in {ANALYST, CHECKER} else 404
    ),
    "outputs_decide": lambda role: (
        302 if role == "anonymous" else 200 if role == CHECKER else 403 if role == ANALYST else 404
    ),
    # Submitting, changing, commenting and releasing are POSTs: a GET is refused (405).
    "outputs_post": lambda role: 302 if role == "anonymous" else 405,
    # Adding indicator data is measurement's permission: the co-ordinator and research partner.
    "outputs_add_data": partnership_rule(MANAGERS | {"research_partner"}),
    "outputs_released": lambda role: (
        302 if role == "anonymous" else 200 if role in VIEWERS else 404
    ),
}


def project(w) -> LinkageProject:
    found = LinkageProject.objects.filter(partnership=w.keighley).first()
    if found is None:
        found = LinkageProjectFactory(partnership=w.keighley)
    ProjectMember.objects.get_or_create(
        project=found, user=w.people[ANALYST], role=ProjectMember.Role.ANALYST
    )
    ProjectMember.objects.get_or_create(
        project=found, user=w.people[CHECKER], role=ProjectMember.Role.CHECKER
    )
    return found


def _submitted(w) -> OutputRequest:
    found = project(w)
    other = UserFactory()
    ProjectMember.objects.create(project=found, user=other, role=ProjectMember.Role.CHECKER)
    output = services.draft_output(
        project=found,
        title="Dental-reason absence by ward (illustrative)",
        description="Illustrative.",
        table=TABLE,
        source=OutputRequest.Source.UPLOAD,
        illustrative=True,
        by=w.people[ANALYST],
    )
    services.submit_output(output=output, checkers=[w.people[CHECKER], other], by=w.people[ANALYST])
    return output


def queue(w):
    project(w)
    return {}


def submitted(w):
    return {"pk": _submitted(w).pk}


def released(w):
    output = _submitted(w)
    for review in output.reviews.all():
        services.decide(output=output, decision="approve", by=review.checker)
    services.release_output(output=output, by=w.people[CHECKER])
    return {"pk": output.pk}


URLS = {
    "outputs_project": (lambda w: {"project_pk": project(w).pk}, "outputs_analyst"),
    "outputs_new": (lambda w: {"project_pk": project(w).pk}, "outputs_analyst"),
    "outputs_queue": (queue, "outputs_queue"),
    "outputs_request": (submitted, "outputs_view"),
    "outputs_decide": (submitted, "outputs_decide"),
    "outputs_submit": (submitted, "outputs_post"),
    "outputs_revise": (submitted, "outputs_post"),
    "outputs_comment": (submitted, "outputs_post"),
    "outputs_release": (submitted, "outputs_post"),
    "outputs_released": (released, "outputs_released"),
    "outputs_to_indicator": (released, "outputs_add_data"),
}
