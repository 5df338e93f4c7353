"""The partnership services: focus issue, members, invitations, timeline and early impact."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from actlocally.journey.models import StepProgress
from actlocally.notifications.models import Kind, Notification
from actlocally.partnerships import services
from actlocally.partnerships.models import FocusIssue, Membership, Role, TimelineEvent

from .factories import (
    FocusIssueFactory,
    InvitationFactory,
    LocalAuthorityFactory,
    MembershipFactory,
    OrganisationFactory,
    PartnershipFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def step_status(partnership, key):
    progress = StepProgress.objects.filter(partnership=partnership, step__key=key).first()
    return progress.status if progress else "not_started"


def test_set_focus_issue_moves_the_current_one_into_history():
    partnership = PartnershipFactory()
    first = FocusIssueFactory(partnership=partnership, started_on=datetime.date(2023, 1, 1))
    services.set_focus_issue(
        partnership=partnership,
        title="Next issue",
        summary="",
        started_on=datetime.date(2024, 9, 1),
        by=None,
    )
    first.refresh_from_db()
    assert (first.status, first.ended_on) == (FocusIssue.Status.PAST, datetime.date(2024, 9, 1))


def test_set_focus_issue_keeps_one_active_issue():
    partnership = PartnershipFactory()
    FocusIssueFactory(partnership=partnership)
    services.set_focus_issue(
        partnership=partnership,
        title="Next",
        summary="",
        started_on=datetime.date(2024, 9, 1),
        by=None,
    )
    assert partnership.focus_issues.filter(status="active").count() == 1


def test_set_focus_issue_saves_outcomes_in_order_without_blank_lines():
    issue = services.set_focus_issue(
        partnership=PartnershipFactory(),
        title="Issue",
        summary="",
        started_on=datetime.date(2024, 1, 1),
        outcomes=["First", " ", "Second"],
        by=None,
    )
    assert [o.text for o in issue.outcomes.all()] == ["First", "Second"]


def test_moving_on_to_a_new_focus_issue_ticks_next_priority():
    partnership = PartnershipFactory()
    FocusIssueFactory(partnership=partnership, started_on=datetime.date(2023, 1, 1))
    services.set_focus_issue(
        partnership=partnership,
        title="Next",
        summary="",
        started_on=datetime.date(2024, 1, 1),
        by=None,
    )
    assert step_status(partnership, "next-priority") == "done"


def test_new_focus_issue_cannot_start_before_the_current_one():
    partnership = PartnershipFactory()
    FocusIssueFactory(partnership=partnership, started_on=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError) as error:
        services.set_focus_issue(
            partnership=partnership,
            title="Next",
            summary="",
            started_on=datetime.date(2023, 1, 1),
            by=None,
        )
    assert "started_on" in error.value.error_dict


def test_database_refuses_two_active_focus_issues():
    partnership = PartnershipFactory()
    FocusIssueFactory(partnership=partnership)
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusIssueFactory(partnership=partnership)


def test_database_refuses_a_focus_issue_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusIssueFactory(
            status="past", started_on=datetime.date(2024, 1, 1), ended_on=datetime.date(2023, 1, 1)
        )


def test_database_refuses_an_active_focus_issue_with_an_end_date():
    with pytest.raises(IntegrityError), transaction.atomic():
        FocusIssueFactory(status="active", ended_on=datetime.date(2030, 1, 1))


def test_database_refuses_a_timeline_event_ending_before_it_starts():
    with pytest.raises(IntegrityError), transaction.atomic():
        TimelineEvent.objects.create(
            partnership=PartnershipFactory(),
            title="x",
            starts_on=datetime.date(2024, 1, 1),
            ends_on=datetime.date(2023, 1, 1),
        )


def test_create_partnership_ticks_backbone_and_research_partner_steps():
    partnership = services.create_partnership(
        local_authority=LocalAuthorityFactory(),
        name="Act Locally: Somewhere",
        area_name="Somewhere",
        backbone=OrganisationFactory(),
        research_partner=OrganisationFactory(),
        by=None,
    )
    assert [
        step_status(partnership, k) for k in ("identify-backbone", "identify-research-partner")
    ] == ["done", "done"]


def test_create_partnership_makes_a_unique_slug():
    la, backbone = LocalAuthorityFactory(), OrganisationFactory()
    PartnershipFactory(slug="act-locally-somewhere")
    partnership = services.create_partnership(
        local_authority=la,
        name="Act Locally: Somewhere",
        area_name="Somewhere",
        backbone=backbone,
        by=None,
    )
    assert partnership.slug == "act-locally-somewhere-2"


def test_adding_a_young_person_ticks_establish_convening_partnership():
    partnership = PartnershipFactory()
    services.add_member(
        partnership=partnership, person=UserFactory(), role=Role.YOUNG_PERSON, by=None
    )
    assert step_status(partnership, "establish-convening-partnership") == "done"


def test_the_last_coordinator_cannot_be_removed():
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.remove_member(membership=membership, by=None)


def test_the_last_coordinator_cannot_change_role():
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    with pytest.raises(ValidationError):
        services.change_member_role(membership=membership, role=Role.MEMBER, by=None)


def test_a_coordinator_can_step_down_when_another_exists():
    membership = MembershipFactory(role=Membership.Role.COORDINATOR)
    MembershipFactory(partnership=membership.partnership, role=Membership.Role.COORDINATOR)
    services.change_member_role(membership=membership, role=Role.MEMBER, by=None)
    membership.refresh_from_db()
    assert membership.role == Role.MEMBER


def invite(partnership, email="new.person@example.org", role=Role.MEMBER):
    return services.invite_member(
        partnership=partnership,
        email=email,
        full_name="New Person",
        role=role,
        base_url="http://testserver",
        by=UserFactory(),
    )


def test_invitation_emails_a_one_time_link(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = invite(PartnershipFactory())
    assert token in mail.outbox[0].body


def test_invitation_is_sent_once_with_plain_text_and_html_through_notifications(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        invitation, token = invite(PartnershipFactory())
    (message,) = mail.outbox
    (html, mimetype) = message.alternatives[0]
    assert (message.to, mimetype) == (["new.person@example.org"], "text/html")
    assert token in html and invitation.email_sent is None
    notification = Notification.objects.get(kind=Kind.INVITATION)
    assert notification.email == "new.person@example.org" and notification.emailed_at


def test_invitation_link_is_not_kept_once_emailed(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _invitation, token = invite(PartnershipFactory())
    kept = Notification.objects.values_list("subject", "body", "url")
    assert [row for row in kept if any(token in field for field in row)] == []


def test_invitation_stores_only_a_hash_of_the_token():
    invitation, token = invite(PartnershipFactory())
    assert token not in invitation.token_hash


def test_invitation_refuses_someone_already_a_member():
    membership = MembershipFactory()
    with pytest.raises(ValidationError):
        invite(membership.partnership, email=membership.person.email)


def test_accepting_an_invitation_makes_a_member_with_its_role():
    invitation, _token = invite(PartnershipFactory(), role=Role.COMMUNITY_REP)
    person = UserFactory(email="new.person@example.org")
    membership = services.accept_invitation(invitation=invitation, by=person)
    assert (membership.person, membership.role) == (person, Role.COMMUNITY_REP)


def test_an_invitation_works_only_once():
    invitation, _token = invite(PartnershipFactory())
    person = UserFactory(email="new.person@example.org")
    services.accept_invitation(invitation=invitation, by=person)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, by=person)


def test_an_expired_invitation_is_refused():
    invitation = InvitationFactory(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=invitation, by=UserFactory(email=invitation.email))


def test_an_invitation_is_refused_for_another_email_address():
    invitation = InvitationFactory()
    with pytest.raises(ValidationError):
        services.accept_invitation(
            invitation=invitation, by=UserFactory(email="someone.else@example.org")
        )


def test_a_new_invitation_replaces_an_unanswered_one():
    partnership = PartnershipFactory()
    first, _ = invite(partnership)
    invite(partnership)
    first.refresh_from_db()
    assert not first.is_pending


def test_find_invitation_by_token():
    invitation, token = invite(PartnershipFactory())
    assert services.find_invitation(token) == invitation


def test_early_impact_ticks_collate_early_impact():
    partnership = PartnershipFactory()
    services.add_early_impact(
        partnership=partnership, period="2023 to 2024", text="Kits bought", by=None
    )
    assert step_status(partnership, "collate-early-impact") == "done"


def test_timeline_event_shows_a_month_range():
    event = TimelineEvent(
        starts_on=datetime.date(2022, 4, 1),
        ends_on=datetime.date(2022, 6, 1),
        precision="month",
        title="x",
    )
    assert event.when == "April 2022 to June 2022"


def test_timeline_event_details_become_lines_without_bullets():
    event = TimelineEvent(
        details="- First\n• Second\n\n", title="x", starts_on=datetime.date(2022, 1, 1)
    )
    assert event.detail_lines == ["First", "Second"]
