"""The Bradford demo's community budget: a decided (and published) round for Keighley with three
applications from fictional groups, a panel of four with one declared conflict, scores and
awards, a clarification asked and answered, an attached document, a grant agreement, a payment
made and one planned, and the grantee's report; and an open round a visitor can apply to.
Everything is labelled illustrative."""

import datetime

from django.utils.dateparse import parse_datetime

from actlocally.accounts.models import User
from actlocally.accounts.services import create_person
from actlocally.places.models import Ward

from . import selectors, services
from .models import Answer, Application, Attachment, Award, Clarification, FundingRound


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


# A one-page PDF saying it is illustrative: the demo's attached document.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R"
    b"/Resources<</Font<</F1 5 0 R>>>>>>endobj\n"
    b"4 0 obj<</Length 58>>stream\nBT /F1 18 Tf 72 760 Td (Illustrative demo document) Tj ET\n"
    b"endstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _attach(application, name: str) -> None:
    """The demo's past application had a document attached while it was a draft."""
    from django.core.files.base import ContentFile

    attachment = Attachment(
        application=application,
        name=name,
        kind=Attachment.Kind.PDF,
        size=len(DEMO_PDF),
        uploaded_by=application.applicant,
    )
    attachment.file.save("upload", ContentFile(DEMO_PDF), save=True)


def _clarify(context, funding_round, application, fields) -> None:
    """The co-ordinator asked for a clarification and the applicant answered it, through the
    services; the times are then set to the days after the deadline, as it happened."""
    question = list(funding_round.questions.all())[fields["question"] - 1]
    clarification = services.request_clarification(
        application=application,
        question_ids=[question.pk],
        message=fields["message"],
        by=context.by,
    )
    services.save_answer(
        application=application, question=question, text=fields["answer"], by=application.applicant
    )
    services.resubmit(application=application, by=application.applicant)
    Clarification.objects.filter(pk=clarification.pk).update(
        requested_at=funding_round.closes_at + datetime.timedelta(days=1),
        resubmitted_at=funding_round.closes_at + datetime.timedelta(days=2),
    )


def _after_award(context, application, item) -> None:
    """The grant agreement, payments and grantee report of an award (illustrative)."""
    award = Award.objects.filter(application=application).first()
    if award is None or not item.get("agreement"):
        return
    agreement = item["agreement"]
    services.record_agreement(
        award=award,
        starts_on=agreement["starts_on"],
        ends_on=agreement["ends_on"],
        conditions=agreement["conditions"],
        signed_on=agreement["signed_on"],
        by=context.by,
    )
    for planned in item.get("payments", []):
        payment = services.plan_payment(
            award=award,
            amount_pence=_pence(planned["amount"]),
            due_on=planned["due_on"],
            illustrative=True,
            by=context.by,
        )
        if planned.get("paid_on"):
            services.record_payment_made(payment=payment, paid_on=planned["paid_on"], by=context.by)
    report = item.get("report")
    if report:
        outcomes = list(application.round.focus_issue.outcomes.all())
        services.submit_report(
            award=award,
            period_end=report["period_end"],
            spend_pence=_pence(report["spend"]),
            people_reached=report["people_reached"],
            narrative=report["narrative"],
            case_study=report["case_study"],
            outcome_ids=[outcomes[n - 1].pk for n in report["outcomes"] if n <= len(outcomes)],
            illustrative=True,
            by=application.applicant,
        )


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
        if item.get("document"):
            _attach(application, item["document"])
        if item.get("clarification"):
            _clarify(context, funding_round, application, item["clarification"])
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
    for application, item in made:
        _after_award(context, application, item)
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
