"""One factory per model, and the small world most tests run in."""

import datetime
from types import SimpleNamespace

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from actlocally.accounts.models import User
from actlocally.journey.models import Step, StepProgress
from actlocally.organisations.models import Organisation, Sector
from actlocally.partnerships.models import (
    Board,
    BoardMembership,
    EarlyImpact,
    FocusIssue,
    IntendedOutcome,
    Invitation,
    LocalAuthority,
    Membership,
    Partnership,
    TimelineEvent,
)

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name", locale="en_GB")
    job_title = "Officer"

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.VCSE


class SchoolFactory(OrganisationFactory):
    sector = Sector.SCHOOL
    urn = factory.Sequence(lambda n: f"{100000 + n}")


class LocalAuthorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalAuthority
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"E08{n:06d}")
    name = factory.Sequence(lambda n: f"Authority {n}")


class BoardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Board

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    name = "Strategic partnership board"
    backbone = factory.SubFactory(OrganisationFactory)


class BoardMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BoardMembership

    board = factory.SubFactory(BoardFactory)
    person = factory.SubFactory(UserFactory)
    role = BoardMembership.Role.MEMBER


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    name = factory.Sequence(lambda n: f"Act Locally: Area {n}")
    slug = factory.Sequence(lambda n: f"area-{n}")
    area_name = factory.Sequence(lambda n: f"Area {n}")
    backbone = factory.SubFactory(OrganisationFactory)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    partnership = factory.SubFactory(PartnershipFactory)
    person = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    partnership = factory.SubFactory(PartnershipFactory)
    email = factory.Sequence(lambda n: f"invitee{n}@example.org")
    full_name = "Invited Person"
    role = Membership.Role.MEMBER
    token_hash = factory.Sequence(lambda n: f"{n:064d}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))


class FocusIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FocusIssue

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Food insecurity, poor diet and nutrition"
    started_on = datetime.date(2023, 10, 6)


class IntendedOutcomeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IntendedOutcome

    focus_issue = factory.SubFactory(FocusIssueFactory)
    text = "Children are food secure."


class TimelineEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TimelineEvent

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Learning symposium"
    starts_on = datetime.date(2023, 10, 6)


class EarlyImpactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EarlyImpact

    partnership = factory.SubFactory(PartnershipFactory)
    period = "2023 to 2024"
    text = "Purchased tooth brushing kits"


class StepProgressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StepProgress

    partnership = factory.SubFactory(PartnershipFactory)
    step = factory.LazyFunction(lambda: Step.objects.get(key="hold-learning-symposium"))
    status = "done"


MEMBER_ROLES = [r.value for r in Membership.Role]


def build_world() -> SimpleNamespace:
    bradford = LocalAuthorityFactory(code="E08000032", name="Bradford")
    leeds = LocalAuthorityFactory(code="E08000035", name="Leeds")
    board = BoardFactory(local_authority=bradford)
    BoardFactory(local_authority=leeds)
    keighley = PartnershipFactory(
        local_authority=bradford, slug="keighley", name="Act Locally: Keighley"
    )
    holme_wood = PartnershipFactory(
        local_authority=bradford, slug="holme-wood", name="Act Locally: Holme Wood"
    )
    leeds_p = PartnershipFactory(
        local_authority=leeds, slug="leeds-area", name="Act Locally: Leeds"
    )
    people = {
        role: MembershipFactory(partnership=keighley, role=role).person for role in MEMBER_ROLES
    }
    people["backbone"] = BoardMembershipFactory(
        board=board, role=BoardMembership.Role.BACKBONE
    ).person
    people["board"] = BoardMembershipFactory(board=board, role=BoardMembership.Role.MEMBER).person
    people["staff"] = UserFactory(is_staff=True, is_superuser=True)
    people["no_role"] = UserFactory()
    # A site-level role (ADR 15): reads the access audit, sees no partnership.
    people["data_guardian"] = UserFactory(is_data_guardian=True)
    outsider = MembershipFactory(partnership=leeds_p, role=Membership.Role.COORDINATOR).person
    MembershipFactory(partnership=holme_wood, role=Membership.Role.COORDINATOR)
    focus = FocusIssueFactory(partnership=keighley)
    IntendedOutcomeFactory(focus_issue=focus)
    event = TimelineEventFactory(partnership=keighley)
    EarlyImpactFactory(partnership=keighley)
    organisation = OrganisationFactory()
    invitation = InvitationFactory(partnership=keighley)
    return SimpleNamespace(
        bradford=bradford,
        leeds=leeds,
        board=board,
        keighley=keighley,
        holme_wood=holme_wood,
        leeds_partnership=leeds_p,
        people=people,
        outsider=outsider,
        focus=focus,
        event=event,
        organisation=organisation,
        invitation=invitation,
        coordinator_membership=Membership.objects.get(
            partnership=keighley, role=Membership.Role.COORDINATOR
        ),
    )


# Statements of Intent ----------------------------------------------------------------------------


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "statements.Statement"

    focus_issue = factory.SubFactory(FocusIssueFactory)
    partnership = factory.SelfAttribute("focus_issue.partnership")


class StatementVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "statements.StatementVersion"

    statement = factory.SubFactory(StatementFactory)
    number = factory.Sequence(lambda n: n + 1)
    content = factory.LazyFunction(
        lambda: {
            "schema": 1,
            "introduction": "Half of families live in a low income household.",
            "facts": [
                {
                    "value": "8.2%",
                    "text": "of adults experienced hunger.",
                    "source": "EALC Background and Context",
                    "year": 2021,
                }
            ],
            "charts": [],
            "quotes": [],
            "actions": [
                {"text": "Supervised tooth brushing campaign.", "lead": "", "lead_id": None}
            ],
            "outcomes": [{"text": "Children are food secure."}],
            "recommendations": [],
        }
    )


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "statements.Recommendation"

    agreed_in = factory.SubFactory(
        StatementVersionFactory,
        status="agreed",
        agreed_on=datetime.date(2023, 11, 24),
        recorded_at=factory.LazyFunction(timezone.now),
    )
    statement = factory.SelfAttribute("agreed_in.statement")
    partnership = factory.SelfAttribute("statement.partnership")
    key = factory.Sequence(lambda n: f"R{n}")
    text = "Commission supervised tooth brushing in every nursery."
    commissioner = factory.SubFactory(OrganisationFactory, sector="health")


# Action plan, theory of change, meetings ---------------------------------------------------------

from actlocally.actions.models import Action, ProgressNote  # noqa: E402
from actlocally.meetings.models import (  # noqa: E402
    AgendaItem,
    Attendance,
    CalendarFeed,
    Decision,
    Meeting,
)
from actlocally.theory.models import Element, TheoryOfChange  # noqa: E402


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    partnership = factory.SubFactory(PartnershipFactory)
    title = factory.Sequence(lambda n: f"Action {n}")
    status = "on_track"
    due_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))


class ProgressNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressNote

    action = factory.SubFactory(ActionFactory)
    text = "Kits ordered for four schools."
    status_before = "on_track"
    status_after = "on_track"


class TheoryOfChangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TheoryOfChange

    focus_issue = factory.SubFactory(FocusIssueFactory)
    partnership = factory.LazyAttribute(lambda o: o.focus_issue.partnership)


class ElementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Element

    theory = factory.SubFactory(TheoryOfChangeFactory)
    kind = "activity"
    text = "Supervised tooth brushing in nurseries"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Convening partnership meeting"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    person = factory.SubFactory(UserFactory)
    status = "attended"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = "Feedback from the Keighley Food Conversation"


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    meeting = factory.SubFactory(MeetingFactory)
    text = "Schools will record absences for dental reasons from September."


class CalendarFeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CalendarFeed

    partnership = factory.SubFactory(PartnershipFactory)
    token = factory.Sequence(lambda n: f"feed-token-{n:08d}")


# Symposia -----------------------------------------------------------------------------------------

from actlocally.symposia import models as symposia_models  # noqa: E402


class SymposiumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Symposium

    partnership = factory.SubFactory(PartnershipFactory)
    title = "Learning symposium"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=1))
    venue = "Community centre"
    invited_groups = factory.LazyFunction(lambda: ["schools", "health", "parents"])


class JoinCodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.JoinCode

    symposium = factory.SubFactory(SymposiumFactory)
    code = factory.Sequence(lambda n: f"T{n:05d}")
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(hours=8))


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Guest

    symposium = factory.SubFactory(SymposiumFactory)
    join_code = factory.SubFactory(JoinCodeFactory, symposium=factory.SelfAttribute("..symposium"))
    token_hash = factory.Sequence(lambda n: f"{n:064x}")
    role_type = symposia_models.GuestRole.PARENT


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Candidate

    symposium = factory.SubFactory(SymposiumFactory)
    title = factory.Sequence(lambda n: f"Priority {n}")


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Contribution

    symposium = factory.SubFactory(SymposiumFactory)
    kind = symposia_models.Contribution.Kind.CHALLENGE
    text = factory.Sequence(lambda n: f"Challenge {n}")


class BallotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Ballot

    symposium = factory.SubFactory(SymposiumFactory)


class PreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.Preference

    ballot = factory.SubFactory(BallotFactory)
    candidate = factory.SubFactory(
        CandidateFactory, symposium=factory.SelfAttribute("..ballot.symposium")
    )
    place = 1


class AgreedPriorityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = symposia_models.AgreedPriority

    symposium = factory.SubFactory(SymposiumFactory)
    candidate = factory.SubFactory(CandidateFactory, symposium=factory.SelfAttribute("..symposium"))
    urgency = 1
    title = factory.SelfAttribute("candidate.title")


# Places --------------------------------------------------------------------------------------------


class WardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Ward"

    code = factory.Sequence(lambda n: f"E05{n:06d}")
    name = factory.Sequence(lambda n: f"Ward {n}")
    la_code = "E08000032"
    la_name = "Bradford"


class LsoaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.LSOA"

    geography = "lsoa11"
    code = factory.Sequence(lambda n: f"E01{n:06d}")
    name = factory.Sequence(lambda n: f"Bradford {n:03d}A")
    la_code = "E08000032"
    la_name = "Bradford"
    ward = factory.SubFactory(WardFactory)


class ReleaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Release"
        django_get_or_create = ("key",)

    key = "IoD2019"
    year = 2019
    geography = "lsoa11"
    summary = factory.LazyFunction(
        lambda: {"ranked": ["imd"], "scored": ["imd"], "fields": [], "thresholds": {}}
    )


class DeprivationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Deprivation"

    release = factory.SubFactory(ReleaseFactory)
    lsoa = factory.SubFactory(LsoaFactory)
    imd_score = 30.0
    imd_rank = 5000
    imd_decile = 2
    population = 1500


class PlacesSchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.School"

    name = factory.Sequence(lambda n: f"School {n}")


class FocusAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.FocusArea"

    partnership = factory.SubFactory(PartnershipFactory)
    geography = "lsoa11"
    method = "wards"


class AssetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "places.Asset"

    partnership = factory.SubFactory(PartnershipFactory)
    kind = "group"
    name = factory.Sequence(lambda n: f"Community group {n}")


# Shared measurement ------------------------------------------------------------------------------


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "measurement.Indicator"

    local_authority = factory.SubFactory(LocalAuthorityFactory)
    key = factory.Sequence(lambda n: f"indicator-{n}")
    name = factory.Sequence(lambda n: f"Indicator {n}")
    definition = "What share of children it counts."
    unit = "percentage"
    polarity = "lower_is_better"
    source = "A test source"
    licence = "Open Government Licence v3.0"
    frequency = "annual"
    period_type = "academic_year"


class PartnershipIndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "measurement.PartnershipIndicator"

    partnership = factory.SubFactory(PartnershipFactory)
    indicator = factory.SubFactory(
        IndicatorFactory, local_authority=factory.SelfAttribute("..partnership.local_authority")
    )


class DataPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "measurement.DataPoint"

    indicator = factory.SubFactory(IndicatorFactory)
    geography = "la"
    code = "E08000032"
    period = "2022/23"
    period_start = datetime.date(2022, 9, 1)
    numerator = 50
    denominator = 1000
    value = 5.0


# API tokens --------------------------------------------------------------------------------------


class ApiTokenFactory(factory.django.DjangoModelFactory):
    """A token row only; tests that need the secret make one with api.services.create_token."""

    class Meta:
        model = "api.ApiToken"

    person = factory.SubFactory(UserFactory)
    name = "Attendance script"
    prefix = factory.Sequence(lambda n: f"actl_{n:06d}")
    key_hash = factory.Sequence(lambda n: f"{n:064x}")
    scope = "read"
    expires_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=90))
