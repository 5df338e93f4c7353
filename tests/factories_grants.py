"""Factories of the community budget (funding rounds, their questions and criteria)."""

import datetime

import factory
from django.utils import timezone

from actlocally.grants.models import (
    Answer,
    Application,
    Award,
    Criterion,
    Declaration,
    FundingRound,
    OrganisationType,
    Panellist,
    Question,
)

from .factories import FocusIssueFactory, UserFactory


class FundingRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FundingRound

    focus_issue = factory.SubFactory(FocusIssueFactory)
    partnership = factory.SelfAttribute("focus_issue.partnership")
    title = factory.Sequence(lambda n: f"Healthy holidays fund {n}")
    summary = "Grants for holiday food and activity clubs."
    budget_pence = 2_000_000
    min_grant_pence = 100_000
    max_grant_pence = 500_000
    partial_awards = True
    eligible_types = [OrganisationType.CHARITY, OrganisationType.COMMUNITY_GROUP]
    opens_on = datetime.date(2030, 3, 1)
    closes_at = factory.LazyFunction(
        lambda: datetime.datetime(2030, 3, 31, 12, 0, tzinfo=datetime.UTC)
    )
    panel_meeting_on = datetime.date(2030, 4, 15)
    decision_on = datetime.date(2030, 4, 30)


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    round = factory.SubFactory(FundingRoundFactory)
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Question {n}: what will you do?")
    word_limit = 250


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    round = factory.SubFactory(FundingRoundFactory)
    order = factory.Sequence(int)
    name = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Application

    round = factory.SubFactory(FundingRoundFactory, status="open")
    applicant = factory.SubFactory(UserFactory)
    organisation_name = factory.Sequence(lambda n: f"Friends of Park {n}")
    organisation_type = OrganisationType.CHARITY
    charity_number = "1234567"
    project_title = factory.Sequence(lambda n: f"Holiday club {n}")
    amount_requested_pence = 300_000


class AnswerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Answer

    application = factory.SubFactory(ApplicationFactory)
    question = factory.SubFactory(
        QuestionFactory, round=factory.SelfAttribute("..application.round")
    )
    text = "We will run a holiday club with lunch every weekday."


class PanellistFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panellist

    round = factory.SubFactory(FundingRoundFactory, status="scoring")
    person = factory.SubFactory(UserFactory)


class DeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Declaration

    panellist = factory.SubFactory(PanellistFactory)
    application = factory.SubFactory(ApplicationFactory)
    conflicted = False


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    application = factory.SubFactory(
        ApplicationFactory,
        status="submitted",
        submitted_at=factory.LazyFunction(timezone.now),
        eligibility="eligible",
    )
    amount_pence = factory.SelfAttribute("application.amount_requested_pence")
    reason = "The panel scored it highest."
    decided_at = factory.LazyFunction(timezone.now)
