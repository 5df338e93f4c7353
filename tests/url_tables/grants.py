"""Access rules and URLs of the community budget (funding rounds)."""

from tests import factories_grants as f
from tests.factories import UserFactory

from .foundation import MANAGERS, VIEWERS


def no_role(w):
    """The person with no partnership role (the applicant and panellist of these tables); the
    browser walk's demo world has none, so one is made there."""
    if "no_role" not in w.people:
        w.people["no_role"] = UserFactory(email="grants.no.role@example.org")
    return w.people["no_role"]


def slug(w):
    return {"slug": "keighley"}


def draft_round(w):
    found = w.keighley.funding_rounds.filter(status="draft").first()
    if found is None:
        found = f.FundingRoundFactory(focus_issue=w.keighley.focus_issues.first())
    return {"slug": "keighley", "pk": found.pk}


def draft_with_question(w):
    kwargs = draft_round(w)
    f.QuestionFactory(round_id=kwargs["pk"])
    f.CriterionFactory(round_id=kwargs["pk"])
    return {**kwargs, "name": "open"}


URLS = {
    "grants": (slug, "view"),
    "grants_round_new": (slug, "manage"),
    "grants_round": (draft_round, "view"),
    "grants_round_edit": (draft_round, "manage"),
    "grants_question_new": (draft_round, "manage"),
    "grants_criterion_new": (draft_round, "manage"),
    "grants_transition": (draft_with_question, "manage"),
}


def question_on_draft(w):
    kwargs = draft_round(w)
    question = f.QuestionFactory(round_id=kwargs["pk"])
    return {**kwargs, "kind": "questions", "item": question.pk}


ACCESS = {
    # Removing a question is a POST from the round's page: a GET is refused once the person may.
    "grants_post_only": lambda role: (
        302 if role == "anonymous" else 405 if role in MANAGERS else 403 if role in VIEWERS else 404
    ),
}

URLS["grants_item_remove"] = (question_on_draft, "grants_post_only")


def open_round(w):
    found = w.keighley.funding_rounds.filter(status="open").first()
    if found is None:
        found = f.FundingRoundFactory(
            focus_issue=w.keighley.focus_issues.first(), title="Open round", status="open"
        )
        f.QuestionFactory(round=found)
    return found


def public_round(w):
    return {"pk": open_round(w).pk}


def own_application(w):
    """An application of the person with no role: its pages are theirs alone."""
    funding_round = open_round(w)
    found = f.ApplicationFactory(round=funding_round, applicant=no_role(w))
    return found


def application_kwargs(w):
    return {"pk": own_application(w).pk}


def answer_kwargs(w):
    found = own_application(w)
    return {"pk": found.pk, "question": found.round.questions.first().pk}


def submitted_application(w):
    found = f.ApplicationFactory(
        round=open_round(w), status="submitted", submitted_at="2030-03-10T10:00:00Z"
    )
    return {"slug": "keighley", "pk": found.round_id, "application": found.pk}


ACCESS["grants_own_application"] = lambda role: (
    302 if role == "anonymous" else 200 if role == "no_role" else 404
)
# Submitting is a POST from the check-your-answers page.
ACCESS["grants_own_application_post"] = lambda role: (
    302 if role == "anonymous" else 405 if role == "no_role" else 404
)

URLS.update(
    {
        "grants_open_rounds": (lambda w: {}, "public"),
        "grants_public_round": (public_round, "public"),
        "grants_apply": (public_round, "signed_in"),
        "grants_my_applications": (lambda w: {}, "signed_in"),
        "grants_application": (application_kwargs, "grants_own_application"),
        "grants_application_edit": (application_kwargs, "grants_own_application"),
        "grants_application_answer": (answer_kwargs, "grants_own_application"),
        "grants_application_submit": (application_kwargs, "grants_own_application_post"),
        "grants_round_applications": (
            lambda w: {"slug": "keighley", "pk": open_round(w).pk},
            "manage",
        ),
        "grants_application_check": (submitted_application, "manage"),
    }
)


def scoring_round(w):
    """A round the panel is scoring, with one eligible application; the person with no role
    sits on its panel."""
    found = w.keighley.funding_rounds.filter(status="scoring").first()
    if found is None:
        found = f.FundingRoundFactory(
            focus_issue=w.keighley.focus_issues.first(), title="Scoring round", status="scoring"
        )
        f.CriterionFactory(round=found)
        f.ApplicationFactory(
            round=found,
            status="submitted",
            submitted_at="2030-03-10T10:00:00Z",
            eligibility="eligible",
        )
        f.PanellistFactory(round=found, person=no_role(w))
    return found


def scoring_kwargs(w):
    return {"slug": "keighley", "pk": scoring_round(w).pk}


def panel_application(w):
    found = scoring_round(w)
    return {"pk": found.pk, "application": found.applications.get().pk}


def panel_score(w):
    kwargs = panel_application(w)
    f.DeclarationFactory(
        panellist=no_role(w).grant_panels.get(round_id=kwargs["pk"]),
        application_id=kwargs["application"],
        conflicted=False,
    )
    return kwargs


# A panellist's pages: only the round's panellists (here the person with no partnership role).
ACCESS["grants_panellist"] = ACCESS["grants_own_application"]

URLS.update(
    {
        "grants_panel": (scoring_kwargs, "manage"),
        "grants_scores": (scoring_kwargs, "manage"),
        "grants_allocation": (scoring_kwargs, "manage"),
        "grants_panel_round": (lambda w: {"pk": scoring_round(w).pk}, "grants_panellist"),
        "grants_panel_declare": (panel_application, "grants_panellist"),
        "grants_panel_score": (panel_score, "grants_panellist"),
    }
)


def published_round(w):
    found = f.FundingRoundFactory(
        focus_issue=w.keighley.focus_issues.first(), title="Published round", status="published"
    )
    f.AwardFactory(application__round=found)
    return {"pk": found.pk}


URLS["grants_public_360giving"] = (published_round, "public")
URLS["grants_public_360giving_flat"] = (lambda w: {**published_round(w), "fmt": "xlsx"}, "public")


# Documents, clarifications, awards -------------------------------------------------------------


def attachment_kwargs(w):
    from django.core.files.base import ContentFile

    from actlocally.grants.models import Attachment

    application = own_application(w)
    attachment = Attachment(
        application=application, name="plan.pdf", kind="pdf", size=9, uploaded_by=no_role(w)
    )
    attachment.file.save("upload", ContentFile(b"%PDF-1.4\n"), save=True)
    return {"pk": attachment.pk}


def attachment_remove_kwargs(w):
    from actlocally.grants.models import Attachment

    pk = attachment_kwargs(w)["pk"]
    return {"pk": Attachment.objects.get(pk=pk).application_id, "attachment": pk}


def decided_award(w):
    """An award of a decided round to the person with no role (the grantee)."""
    funding_round = f.FundingRoundFactory(
        focus_issue=w.keighley.focus_issues.first(), title="Decided round", status="decided"
    )
    return f.AwardFactory(application__round=funding_round, application__applicant=no_role(w))


def award_kwargs(w):
    found = decided_award(w)
    return {"slug": "keighley", "pk": found.application.round_id, "award": found.pk}


def payment_kwargs(w):
    from actlocally.grants.models import Award, Payment

    kwargs = award_kwargs(w)
    payment = Payment.objects.create(
        award=Award.objects.get(pk=kwargs["award"]), amount_pence=100, due_on="2030-05-01"
    )
    return {**kwargs, "payment": payment.pk}


# An application's documents: its writer and the partnership's managers (and unconflicted
# panellists, tested in test_grants_documents); other members are refused, others too.
ACCESS["grants_document"] = lambda role: (
    302 if role == "anonymous" else 200 if role in MANAGERS or role == "no_role" else 403
)

URLS.update(
    {
        "grants_clarify": (submitted_application, "manage"),
        "grants_documents": (application_kwargs, "grants_own_application"),
        "grants_document_remove": (attachment_remove_kwargs, "grants_own_application_post"),
        "grants_document_download": (attachment_kwargs, "grants_document"),
        "grants_resubmit": (application_kwargs, "grants_own_application_post"),
        "grants_report": (
            lambda w: {"pk": decided_award(w).application_id},
            "grants_own_application",
        ),
        "grants_awards": (
            lambda w: {"slug": "keighley", "pk": decided_award(w).application.round_id},
            "manage",
        ),
        "grants_award": (award_kwargs, "manage"),
        "grants_agreement": (award_kwargs, "grants_post_only"),
        "grants_payment_new": (award_kwargs, "grants_post_only"),
        "grants_payment_paid": (payment_kwargs, "grants_post_only"),
    }
)
