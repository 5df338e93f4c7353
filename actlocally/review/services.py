"""Every write of Review & Learn: plain functions, keyword-only, the acting person as `by`."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actlocally.authorization import has_permission
from actlocally.core.audit import acting_as
from actlocally.journey.blueprint import StepKey
from actlocally.journey.models import Status
from actlocally.journey.services import record_evidence
from actlocally.participation.services import Notice, hash_token, new_token

from .models import (
    AgreedRating,
    CapabilityReview,
    CaseStudy,
    EvaluationArea,
    FeedbackLink,
    FeedbackResponse,
    ImpactReport,
    Lesson,
    MemberRating,
    Rag,
    validate_academic_year,
)
from .workflow import WORKFLOW

# The six self-evaluation areas of the blueprint: the five conditions of collective impact and
# community voice. A local authority starts with these and edits them (services below).
DEFAULT_AREAS = [
    (
        gettext_lazy("Common agenda"),
        gettext_lazy("Everyone shares one understanding of the issue and one way to tackle it."),
    ),
    (
        gettext_lazy("Shared measurement"),
        gettext_lazy("Partners collect data and measure results the same way."),
    ),
    (
        gettext_lazy("Mutually reinforcing activities"),
        gettext_lazy("Partners' actions fit together in the action plan, without duplication."),
    ),
    (
        gettext_lazy("Continuous communication"),
        gettext_lazy("Partners meet and talk often enough to build trust and shared motivation."),
    ),
    (
        gettext_lazy("Backbone support"),
        gettext_lazy("A backbone organisation co-ordinates the partnership and its data."),
    ),
    (
        gettext_lazy("Community voice and leadership"),
        gettext_lazy("Residents, parents and young people shape and lead the work."),
    ),
]

FEEDBACK_NOTICE = Notice(
    key="review-feedback-1",
    text=gettext_lazy(
        "Your answers are read by the people who run the partnership, to learn what to do "
        "better. Your name is optional; if you give it, it is erased after a year. Please do "
        "not name children or families."
    ),
)


def ensure_evaluation_areas(*, local_authority, by=None) -> list[EvaluationArea]:
    """The local authority's areas, starting it with the blueprint's six if it has none."""
    with transaction.atomic(), acting_as(by):
        areas = list(EvaluationArea.objects.filter(local_authority=local_authority))
        if not areas:
            areas = [
                EvaluationArea.objects.create(
                    local_authority=local_authority,
                    name=str(name),
                    description=str(description),
                    order=n,
                )
                for n, (name, description) in enumerate(DEFAULT_AREAS, start=1)
            ]
    return areas


def save_evaluation_area(
    *,
    local_authority,
    area: EvaluationArea | None = None,
    name: str,
    description: str,
    order: int,
    by,
) -> EvaluationArea:
    with transaction.atomic(), acting_as(by):
        area = area or EvaluationArea(local_authority=local_authority)
        area.name, area.description, area.order = name, description, order
        area.full_clean()
        area.save()
    return area


# Capability reviews ------------------------------------------------------------------------------


def open_review(
    *, partnership, academic_year: str, on: datetime.date | None = None, illustrative=False, by
) -> CapabilityReview:
    """Open a capability review for members to rate. One per partnership and academic year."""
    validate_academic_year(academic_year)
    with transaction.atomic(), acting_as(by):
        ensure_evaluation_areas(local_authority=partnership.local_authority, by=by)
        if CapabilityReview.objects.filter(
            partnership=partnership, academic_year=academic_year
        ).exists():
            raise ValidationError(
                {
                    "academic_year": _("There is already a capability analysis for %(year)s.")
                    % {"year": academic_year}
                }
            )
        return CapabilityReview.objects.create(
            partnership=partnership,
            academic_year=academic_year,
            opened_on=on or timezone.localdate(),
            opened_by=by,
            illustrative=illustrative,
        )


def _areas_of(review: CapabilityReview) -> dict[int, EvaluationArea]:
    return {
        a.pk: a
        for a in EvaluationArea.objects.filter(
            local_authority_id=review.partnership.local_authority_id
        )
    }


def rate(*, review: CapabilityReview, ratings: dict[int, tuple[str, str]], by) -> None:
    """A member's ratings (area id -> (rating, comment)); rating again replaces their own."""
    if by is not None and not has_permission(by, "review.rate_capability", review.partnership):
        raise PermissionDenied(_("Only members of the partnership rate its capability."))
    with transaction.atomic(), acting_as(by):
        review = CapabilityReview.objects.select_for_update().get(pk=review.pk)
        if review.status != CapabilityReview.Status.OPEN:
            raise ValidationError(
                _("This capability analysis is agreed: ratings can no longer change.")
            )
        areas = _areas_of(review)
        for area_id, (rating, comment) in ratings.items():
            if area_id not in areas or rating not in Rag.values:
                raise ValidationError(_("Choose red, amber or green for each area."))
            MemberRating.objects.update_or_create(
                review=review,
                area_id=area_id,
                person=by,
                defaults={"rating": rating, "comment": comment},
            )


def agree_review(
    *,
    review: CapabilityReview,
    agreed: dict[int, tuple[str, str]],
    on: datetime.date | None = None,
    by,
) -> CapabilityReview:
    """Record the partnership's rating of every area, each with its reason, and close the review."""
    on = on or timezone.localdate()
    with transaction.atomic(), acting_as(by):
        review = (
            CapabilityReview.objects.select_for_update()
            .select_related("partnership")
            .get(pk=review.pk)
        )
        WORKFLOW.check(review, "agree", by=by)
        areas = _areas_of(review)
        missing = [a.name for pk, a in areas.items() if pk not in agreed]
        if missing:
            raise ValidationError(
                _("Agree a rating for every area: %(areas)s.") % {"areas": ", ".join(missing)}
            )
        for area_id, (rating, reason) in agreed.items():
            if area_id not in areas or rating not in Rag.values:
                raise ValidationError(_("Choose red, amber or green for each area."))
            if not reason.strip():
                raise ValidationError(
                    _("Give the reason for the rating of %(area)s.") % {"area": areas[area_id].name}
                )
            AgreedRating.objects.update_or_create(
                review=review, area_id=area_id, defaults={"rating": rating, "reason": reason}
            )
        review.agreed_on = on
        WORKFLOW.run(review, "agree", by=by, update_fields=["agreed_on"])
        record_evidence(
            partnership=review.partnership,
            step_key=StepKey.CAPABILITY_ANALYSIS,
            evidence_label=str(review),
            evidence_url=review.get_absolute_url(),
            on=on,
            by=by,
        )
    return review


# Case studies, feedback, lessons -----------------------------------------------------------------

CASE_STUDY_FIELDS = (
    "academic_year",
    "title",
    "story",
    "outcome",
    "consent_by",
    "consent_on",
    "consent_how",
    "publishable",
    "illustrative",
)


def save_case_study(
    *,
    partnership,
    case_study: CaseStudy | None = None,
    on: datetime.date | None = None,
    by,
    **fields,
) -> CaseStudy:
    """Add or change a case study. Publishing needs consent recorded: who, when and how."""
    unknown = set(fields) - set(CASE_STUDY_FIELDS)
    if unknown:
        raise TypeError(f"unknown case study fields {unknown}")
    with transaction.atomic(), acting_as(by):
        case_study = case_study or CaseStudy(partnership=partnership, created_by=by)
        for name, value in fields.items():
            setattr(case_study, name, value)
        if case_study.outcome and case_study.outcome.focus_issue.partnership_id != partnership.pk:
            raise ValidationError({"outcome": _("Choose one of this partnership's outcomes.")})
        if case_study.publishable and not case_study.has_consent:
            raise ValidationError(
                {"publishable": _("Record who gave consent, when and how before publishing it.")}
            )
        case_study.full_clean()
        case_study.save()
        record_evidence(
            partnership=partnership,
            step_key=StepKey.COLLECT_CASE_STUDIES,
            evidence_label=_("Case study: %(title)s") % {"title": case_study.title},
            evidence_url=case_study.get_absolute_url(),
            # The day the story was added, when the caller gives no earlier date.
            on=on or timezone.localdate(case_study.created_at),
            by=by,
        )
    return case_study


def create_feedback_link(
    *, partnership, audience: str, question: str, days: int = 28, by
) -> tuple[FeedbackLink, str]:
    """A new feedback link and its token (shown once: only its hash is kept)."""
    token, token_hash = new_token()
    with transaction.atomic(), acting_as(by):
        link = FeedbackLink(
            partnership=partnership,
            audience=audience,
            question=question,
            token_hash=token_hash,
            expires_at=timezone.now() + datetime.timedelta(days=days),
            created_by=by,
        )
        link.full_clean()
        link.save()
    return link, token


def end_feedback_link(*, link: FeedbackLink, by) -> FeedbackLink:
    with transaction.atomic(), acting_as(by):
        link.expires_at = timezone.now()
        link.save(update_fields=["expires_at"])
    return link


def link_for_token(token: str) -> FeedbackLink | None:
    """The feedback link a token opens, while it works."""
    if not token or len(token) > 100:
        return None
    link = (
        FeedbackLink.objects.select_related("partnership")
        .filter(token_hash=hash_token(token), expires_at__gt=timezone.now())
        .first()
    )
    return link


def give_feedback(
    *, link: FeedbackLink, what_worked: str, could_be_better: str = "", name: str = ""
) -> FeedbackResponse:
    """A guest's answer through a link (no account): they agree to the notice by sending it."""
    with transaction.atomic(), acting_as(None):
        if link.expires_at <= timezone.now():
            raise ValidationError(_("This feedback link has ended."))
        response = FeedbackResponse(
            link=link,
            what_worked=what_worked,
            could_be_better=could_be_better,
            name=name,
            consent_notice=FEEDBACK_NOTICE.key,
            consented_at=timezone.now(),
        )
        response.full_clean()
        response.save()
        record_evidence(
            partnership=link.partnership,
            step_key=StepKey.COLLECT_FEEDBACK,
            evidence_label=_("Feedback: %(question)s") % {"question": link.question},
            evidence_url=reverse("review_feedback", kwargs={"slug": link.partnership.slug}),
            on=timezone.localdate(),
        )
    return response


def record_lesson(
    *,
    partnership,
    academic_year: str,
    title: str,
    what_worked: str = "",
    could_be_better: str = "",
    shared_with_board: bool = False,
    on: datetime.date | None = None,
    illustrative: bool = False,
    by,
) -> Lesson:
    """Log a lesson learned. Sharing it with the board is the Share & Refine step's evidence."""
    on = on or timezone.localdate()
    with transaction.atomic(), acting_as(by):
        lesson = Lesson(
            partnership=partnership,
            academic_year=academic_year,
            title=title,
            what_worked=what_worked,
            could_be_better=could_be_better,
            shared_with_board=shared_with_board,
            recorded_on=on,
            illustrative=illustrative,
            created_by=by,
        )
        if not (what_worked.strip() or could_be_better.strip()):
            raise ValidationError(
                _("Say what worked well, what could have worked better, or both.")
            )
        lesson.full_clean()
        lesson.save()
        record_evidence(
            partnership=partnership,
            step_key=StepKey.LESSONS_LEARNED,
            evidence_label=_("Lessons learned, %(year)s") % {"year": academic_year},
            evidence_url=reverse("review", kwargs={"slug": partnership.slug}) + "#lessons",
            on=on,
            status=Status.DONE if shared_with_board else Status.IN_PROGRESS,
            by=by,
        )
    return lesson


# Impact reports ----------------------------------------------------------------------------------


def save_impact_report(
    *, partnership, academic_year: str, introduction: str = "", illustrative: bool = False, by
) -> ImpactReport:
    validate_academic_year(academic_year)
    with transaction.atomic(), acting_as(by):
        report, _created = ImpactReport.objects.get_or_create(
            partnership=partnership, academic_year=academic_year
        )
        report.introduction = introduction
        report.illustrative = illustrative
        report.save()
    return report


def publish_report(*, report: ImpactReport, on: datetime.date | None = None, by) -> ImpactReport:
    """Put the report on the area's public page: the Share & Refine step's evidence."""
    on = on or timezone.localdate()
    with transaction.atomic(), acting_as(by):
        report.published_on = on
        report.save(update_fields=["published_on"])
        record_evidence(
            partnership=report.partnership,
            step_key=StepKey.SHARE_FINDINGS,
            evidence_label=str(report),
            evidence_url=report.get_public_url(),
            on=on,
            by=by,
        )
    return report


def unpublish_report(*, report: ImpactReport, by) -> ImpactReport:
    with transaction.atomic(), acting_as(by):
        report.published_on = None
        report.save(update_fields=["published_on"])
    return report
