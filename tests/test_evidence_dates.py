"""Journey evidence carries the date of the thing it evidences, not the day it was recorded."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from actlocally.journey.models import StepProgress
from actlocally.journey.services import record_evidence
from actlocally.meetings.services import at, schedule_meeting
from actlocally.partnerships import services
from actlocally.theory.services import save_theory

from .factories import (
    FocusIssueFactory,
    LocalAuthorityFactory,
    OrganisationFactory,
    PartnershipFactory,
)

pytestmark = pytest.mark.django_db

BEGAN = datetime.date(2022, 4, 1)


def step_date(partnership, key):
    return StepProgress.objects.get(partnership=partnership, step__key=key).on


def test_evidence_cannot_be_recorded_without_its_date():
    # A caller that forgets the date fails, rather than dating the evidence today.
    with pytest.raises(TypeError):
        record_evidence(
            partnership=PartnershipFactory(), step_key="identify-backbone", evidence_label="x"
        )


def test_a_partnership_that_began_before_the_platform_dates_its_backbone_from_then():
    partnership = services.create_partnership(
        local_authority=LocalAuthorityFactory(),
        name="Act Locally: Older",
        area_name="Older",
        backbone=OrganisationFactory(),
        began_on=BEGAN,
        by=None,
    )
    assert step_date(partnership, "identify-backbone") == BEGAN


def test_a_partnership_cannot_begin_in_the_future():
    with pytest.raises(ValidationError):
        services.create_partnership(
            local_authority=LocalAuthorityFactory(),
            name="Act Locally: Later",
            area_name="Later",
            backbone=OrganisationFactory(),
            began_on=timezone.localdate() + datetime.timedelta(days=1),
            by=None,
        )


def test_changing_a_partnership_keeps_the_date_its_unchanged_backbone_was_named():
    partnership = services.create_partnership(
        local_authority=LocalAuthorityFactory(),
        name="Act Locally: Older",
        area_name="Older",
        backbone=OrganisationFactory(),
        began_on=BEGAN,
        by=None,
    )
    services.update_partnership(partnership=partnership, summary="New words", by=None)
    assert step_date(partnership, "identify-backbone") == BEGAN


def test_naming_a_new_research_partner_dates_it_today():
    partnership = services.create_partnership(
        local_authority=LocalAuthorityFactory(),
        name="Act Locally: Older",
        area_name="Older",
        backbone=OrganisationFactory(),
        began_on=BEGAN,
        by=None,
    )
    services.update_partnership(
        partnership=partnership, research_partner=OrganisationFactory(), by=None
    )
    assert step_date(partnership, "identify-research-partner") == timezone.localdate()


def test_early_impact_is_dated_when_it_was_collated():
    partnership = PartnershipFactory()
    services.add_early_impact(
        partnership=partnership,
        period="2023 to 2024",
        text="A walking bus",
        on=datetime.date(2024, 9, 12),
        by=None,
    )
    assert step_date(partnership, "collate-early-impact") == datetime.date(2024, 9, 12)


def test_a_theory_of_change_is_dated_when_it_was_written():
    focus = FocusIssueFactory()
    save_theory(
        focus_issue=focus,
        other_outcomes=["Children eat well"],
        on=datetime.date(2023, 11, 24),
        by=None,
    )
    assert step_date(focus.partnership, "develop-theory-of-change") == datetime.date(2023, 11, 24)


def test_a_meeting_recorded_afterwards_dates_the_meeting_dates_step_on_its_day():
    partnership = PartnershipFactory()
    held = datetime.date(2024, 2, 23)
    schedule_meeting(
        partnership=partnership,
        starts_at=at(held, datetime.time(10)),
        ends_at=at(held, datetime.time(12)),
        by=None,
    )
    assert step_date(partnership, "set-meeting-dates") == held


def test_a_meeting_scheduled_ahead_dates_the_meeting_dates_step_today():
    partnership = PartnershipFactory()
    ahead = timezone.localdate() + datetime.timedelta(days=30)
    schedule_meeting(
        partnership=partnership,
        starts_at=at(ahead, datetime.time(10)),
        ends_at=at(ahead, datetime.time(12)),
        by=None,
    )
    assert step_date(partnership, "set-meeting-dates") == timezone.localdate()
