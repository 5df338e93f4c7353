"""Factories of Review & Learn (capability reviews, case studies, feedback, lessons, reports)."""

import datetime

import factory
from django.utils import timezone

from actlocally.participation.services import hash_token
from actlocally.review.models import (
    AgreedRating,
    CapabilityReview,
    CaseStudy,
    EvaluationArea,
    FeedbackLink,
    FeedbackResponse,
    ImpactReport,
    Lesson,
    MemberRating,
)

from .factories import LocalAuthorityFactory, PartnershipFactory, UserFactory


class EvaluationAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EvaluationArea

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Area {n}")
    order = factory.Sequence(int)


class CapabilityReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CapabilityReview

    partnership = factory.SubFactory(PartnershipFactory)
    academic_year = "2023/24"
    opened_on = datetime.date(2024, 6, 1)


class MemberRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MemberRating

    review = factory.SubFactory(CapabilityReviewFactory)
    area = factory.SubFactory(EvaluationAreaFactory)
    person = factory.SubFactory(UserFactory)
    rating = "amber"


class AgreedRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreedRating

    review = factory.SubFactory(CapabilityReviewFactory)
    area = factory.SubFactory(EvaluationAreaFactory)
    rating = "green"
    reason = "Agreed at the meeting."


class CaseStudyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CaseStudy

    partnership = factory.SubFactory(PartnershipFactory)
    academic_year = "2023/24"
    title = factory.Sequence(lambda n: f"Case study {n}")
    story = "A parent told us what changed."


class PublishableCaseStudyFactory(CaseStudyFactory):
    consent_by = "the parent"
    consent_on = datetime.date(2024, 5, 1)
    consent_how = "written"
    publishable = True


class FeedbackLinkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackLink

    class Params:
        token = factory.Sequence(lambda n: f"token-{n}-abcdefghijklmnopqrstuvwxyz")

    partnership = factory.SubFactory(PartnershipFactory)
    audience = "commissioner"
    question = "The commissioners' session"
    token_hash = factory.LazyAttribute(lambda o: hash_token(o.token))
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))


class FeedbackResponseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FeedbackResponse

    link = factory.SubFactory(FeedbackLinkFactory)
    what_worked = "Clear next steps."
    consent_notice = "review-feedback-1"
    consented_at = factory.LazyFunction(timezone.now)


class LessonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lesson

    partnership = factory.SubFactory(PartnershipFactory)
    academic_year = "2023/24"
    title = factory.Sequence(lambda n: f"Lesson {n}")
    what_worked = "Meeting in a school."
    recorded_on = datetime.date(2024, 7, 1)


class ImpactReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImpactReport

    partnership = factory.SubFactory(PartnershipFactory)
    academic_year = "2023/24"
