"""The demo's community budget: Keighley's published round (three illustrative applications, a
panel of four with one declared conflict, scores and awards within the budget) and an open
round to apply to; its awards are valid 360Giving data; loading twice adds nothing."""

import pytest
from django.core.management import call_command

from actlocally.grants import threesixty
from actlocally.grants.models import Award, Declaration, FundingRound, ScoreSheet

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(seeded_demo, settings):
    settings.DEMO_MODE = True


def test_the_demo_loads_a_published_and_an_open_round_for_keighley(demo):
    published = FundingRound.objects.get(partnership__slug="keighley", status="published")
    assert (
        published.applications.count(),
        published.panellists.count(),
        Declaration.objects.filter(application__round=published, conflicted=True).count(),
        ScoreSheet.objects.filter(application__round=published).count(),
        published.awarded_pence <= published.budget_pence,
        FundingRound.objects.filter(partnership__slug="keighley", status="open").count(),
        FundingRound.objects.filter(illustrative=False).exists(),
        Award.objects.filter(illustrative=False).exists(),
    ) == (3, 4, 1, 11, True, 1, False, False)


def test_the_demos_awards_are_valid_360giving_and_load_once(demo):
    data = threesixty.package(threesixty.published_awards())
    counts = (FundingRound.objects.count(), Award.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (threesixty.errors_in(data), counts) == (
        [],
        (FundingRound.objects.count(), Award.objects.count()),
    )


def test_the_demo_shows_what_follows_an_award(demo):
    from actlocally.grants.models import Attachment, Clarification, GranteeReport, Payment

    published = FundingRound.objects.get(partnership__slug="keighley", status="published")
    assert (
        Clarification.objects.filter(
            application__round=published, resubmitted_at__isnull=False
        ).count(),
        Attachment.objects.filter(application__round=published).count(),
        Payment.objects.filter(award__application__round=published, paid_on__isnull=False).count(),
        Payment.objects.filter(award__application__round=published, paid_on__isnull=True).count(),
        GranteeReport.objects.filter(award__application__round=published, illustrative=True)
        .exclude(outcomes=None)
        .count(),
    ) == (1, 1, 1, 1, 1)
