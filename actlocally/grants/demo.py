"""The Bradford demo's community budget: a decided (and published) round for Keighley with three
applications from fictional groups, a panel of four with one declared conflict, scores and
awards; and an open round a visitor can apply to. Everything is labelled illustrative."""

import datetime

from django.utils.dateparse import parse_datetime

from actlocally.accounts.models import User
from actlocally.accounts.services import create_person
from actlocally.places.models import Ward

from . import selectors, services
from .models import Answer, Application, FundingRound


def _pence(pounds) -> int:
    return round(float(pounds) * 100)


def _applicants(context, data) -> dict:
    from actlocally.demo.loader import DEMO_PASSWORD

    return {
        p["key"]: User.objects.filter(email=p["email"]).first()
        or create_person(
            email=p["email"],
            full_name=p["name"],
            job_title=p.get("job_title", ""),
            password=DEMO_PASSWORD,
            email_verified=True,
        )
        for p in data.get("applicants", [])
    }


def _submitted(funding_round, fields, applicant) -> Application:
    """A past application, as it was submitted before the deadline. The services refuse a
    submission after the deadline, so the demo's history is written as it stood then."""
    ward = Ward.objects.filter(name=fields.get("ward", "")).first()
    application = Application.objects.create(
        round=funding_round,
        applicant=applicant,
        organisation_name=fields["organisation"],
        organisation_type=fields["type"],
        charity_number=fields.get("charity_number", ""),
        company_number=fields.get("company_number", ""),
        project_title=fields["project"],
        ward=ward,
        amount_requested_pence=_pence(fields["amount"]),
        status=Application.Status.SUBMITTED,
        submitted_at=funding_round.closes_at - datetime.timedelta(days=3),
        illustrative=True,
    )
    for question, text in zip(funding_round.questions.all(), fields["answers"], strict=True):
        Answer.objects.create(application=application, question=question, text=text)
    return application


def _round(context, partnership, fields) -> FundingRound:
    by = context.by
    funding_round = services.save_round(
        partnership=partnership,
        focus_issue=partnership.focus_issues.order_by("-started_on").first(),
        title=fields["title"],
        summary=fields["summary"].strip(),
        budget_pence=_pence(fields["budget"]),
        min_grant_pence=_pence(fields["min_grant"]),
        max_grant_pence=_pence(fields["max_grant"]),
        partial_awards=fields["partial_awards"],
        eligible_types=fields["eligible_types"],
        opens_on=fields["opens_on"],
        closes_at=parse_datetime(str(fields["closes_at"]).replace(" ", "T")),
        panel_meeting_on=fields["panel_meeting_on"],
        decision_on=fields["decision_on"],
        illustrative=True,
        by=by,
    )
    for question in fields["questions"]:
        services.add_question(
            funding_round=funding_round,
            text=question["text"],
            help_text=question.get("help_text", ""),
            word_limit=question["word_limit"],
            by=by,
        )
    for criterion in fields["criteria"]:
        services.add_criterion(
            funding_round=funding_round,
            name=criterion["name"],
            description=criterion.get("description", ""),
            weight=criterion["weight"],
            by=by,
        )
    services.transition(funding_round=funding_round, name="open", by=by)
    for person in fields.get("panel", []):
        services.add_panellist(
            funding_round=funding_round, email=context.people[person].email, by=by
        )
    return funding_round


def _decide(context, funding_round, fields, applicants) -> None:
    by = context.by
    made = []
    for item in fields.get("applications", []):
        application = _submitted(funding_round, item, applicants[item["applicant"]])
        eligible, reason = item["eligible"]
        services.check_eligibility(application=application, eligible=eligible, reason=reason, by=by)
        made.append((application, item))
    services.transition(funding_round=funding_round, name="close", by=by)
    services.transition(funding_round=funding_round, name="start_scoring", by=by)
    criteria = list(funding_round.criteria.all())
    for application, item in made:
        application.refresh_from_db()
        for person, scores in item.get("scores", {}).items():
            who = context.people[person]
            conflicted = scores == "conflict"
            services.declare(
                funding_round=funding_round,
                application=application,
                conflicted=conflicted,
                note=item.get("conflict_note", "") if conflicted else "",
                by=who,
            )
            if not conflicted:
                services.submit_scores(
                    funding_round=funding_round,
                    application=application,
                    values={c.pk: v for c, v in zip(criteria, scores, strict=True)},
                    by=who,
                )
    proposal = selectors.panel_scores(funding_round)
    services.agree_allocation(
        funding_round=funding_round,
        amounts={
            i["application"].pk: i["row"].proposed for i in proposal["rows"] if i["row"].proposed
        },
        feedback={
            i["application"].pk: "The budget ran out before your project (illustrative)."
            for i in proposal["rows"]
        },
        reason=fields["reason"].strip(),
        on=fields["decision_on"],
        illustrative=True,
        by=by,
    )
    if fields.get("publish"):
        services.transition(funding_round=funding_round, name="publish", by=by)


def load_demo(context) -> None:
    data = context.section("grants")
    if not data:
        return
    applicants = _applicants(context, data)
    for slug, part in data.get("partnerships", {}).items():
        partnership = context.partnerships[slug]
        for fields in part.get("rounds", []):
            if FundingRound.objects.filter(partnership=partnership, title=fields["title"]).exists():
                continue
            funding_round = _round(context, partnership, fields)
            if fields.get("applications"):
                _decide(context, funding_round, fields, applicants)
