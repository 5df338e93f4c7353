"""Access rules and URLs of connected data (linkage projects).

Only the people named on a project reach its pages: Keighley's research partner is its analyst
here. Everyone else signed in gets 404 (the project is not theirs to know about), except the
list, which is everyone's own, and the new-project form, for research partners.
"""

import datetime

from django.utils import timezone

from actlocally.linkage.models import LinkageProject, ProjectMember
from actlocally.partnerships.models import Role


def project(w):
    analyst = w.people[Role.RESEARCH_PARTNER]
    found = LinkageProject.objects.filter(partnership=w.keighley, members__user=analyst).first()
    if found is None:
        found = LinkageProject.objects.create(
            partnership=w.keighley,
            title="Dental absence in Keighley (synthetic)",
            purpose="Understand dental-reason absence.",
            data_sharing_basis="Synthetic data only.",
            end_date=timezone.localdate() + datetime.timedelta(days=365),
            created_by=analyst,
        )
        ProjectMember.objects.create(project=found, user=analyst, role=ProjectMember.Role.ANALYST)
    return {"pk": found.pk}


def analysis(w):
    return {**project(w), "slug": "dental-absence"}


def named_analyst(role):
    return 302 if role == "anonymous" else 200 if role == Role.RESEARCH_PARTNER else 404


ACCESS = {
    "linkage_analyst": named_analyst,
    "linkage_research_partner": lambda role: (
        302 if role == "anonymous" else 200 if role == Role.RESEARCH_PARTNER else 403
    ),
}

URLS = {
    "linkage": (lambda w: {}, "signed_in"),
    "linkage_project_new": (lambda w: {}, "linkage_research_partner"),
    "linkage_project": (project, "linkage_analyst"),
    "linkage_member_add": (project, "linkage_analyst"),
    "linkage_extract_upload": (project, "linkage_analyst"),
    "linkage_link": (project, "linkage_analyst"),
    "linkage_quality": (project, "linkage_analyst"),
    "linkage_analysis": (analysis, "linkage_analyst"),
    "linkage_query": (project, "linkage_analyst"),
}
