"""Publishing the community budget: the 360Giving JSON package valid against the standard's
schema, the export command, the round's public page, the journey's tick and the overview panel."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from actlocally.grants import services, threesixty
from actlocally.journey.models import StepProgress
from actlocally.places.models import Ward
from tests import factories_grants as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="published"
    )
    ward = Ward.objects.create(
        code="E05001356", name="Keighley Central", la_code="E08000032", la_name="Bradford"
    )
    charity = f.AwardFactory(
        application__round=funding_round,
        application__charity_number="1234567",
        application__ward=ward,
        amount_pence=250_050,
    )
    company = f.AwardFactory(
        application__round=funding_round,
        application__charity_number="",
        application__company_number="09876543",
    )
    return funding_round, charity, company


def test_package_is_valid_against_the_360giving_schema(published):
    data = threesixty.package(threesixty.published_awards())
    assert threesixty.errors_in(data) == []


def test_schema_check_finds_a_grant_without_an_amount(published):
    data = threesixty.package(threesixty.published_awards())
    del data["grants"][0]["amountAwarded"]
    data["grants"][0]["currency"] = "pounds"
    assert threesixty.errors_in(data)


def test_schema_check_names_a_grant_that_repeats_an_earlier_one(published):
    data = threesixty.package(threesixty.published_awards())
    data["grants"].append(dict(data["grants"][0]))
    last = len(data["grants"]) - 1
    assert threesixty.errors_in(data) == [
        f"grants/{last}: repeats grant 0 exactly; remove one of them"
    ]


def test_grant_identifiers_start_with_the_operators_prefix(published, settings):
    settings.GRANTS_360GIVING_PREFIX = "360G-keighleytest"
    data = threesixty.package(threesixty.published_awards())
    assert all(g["id"].startswith("360G-keighleytest-") for g in data["grants"])


def test_recipients_carry_their_charity_or_company_number(published):
    data = threesixty.package(threesixty.published_awards())
    ids = sorted(g["recipientOrganization"][0]["id"] for g in data["grants"])
    assert ids == ["GB-CHC-1234567", "GB-COH-09876543"]


def test_beneficiary_location_is_the_wards_code_and_name(published):
    _round, charity, _company = published
    found = threesixty.grant(charity, prefix="360G-x")
    assert found["beneficiaryLocation"][0] | {} == {
        "name": "Keighley Central",
        "geoCode": "E05001356",
        "geoCodeType": "WD",
        "countryCode": "GB",
    }


def test_amounts_are_pounds_with_pence_where_there_are_some(published):
    _round, charity, _company = published
    assert threesixty.grant(charity, prefix="360G-x")["amountAwarded"] == 2500.5


def test_rounds_not_yet_published_are_left_out(published, world):
    decided = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="decided"
    )
    f.AwardFactory(application__round=decided)
    assert threesixty.published_awards().filter(application__round=decided).count() == 0


def test_export_command_writes_a_valid_package(published, tmp_path):
    out = tmp_path / "grants.json"
    call_command("export_360giving", "--format", "json", "--output", str(out))
    data = json.loads(out.read_text())
    assert (len(data["grants"]), threesixty.errors_in(data)) == (2, [])


def test_export_command_refuses_when_nothing_is_published(world):
    with pytest.raises(CommandError, match="No round is published"):
        call_command("export_360giving", "--format", "json")


def test_public_round_page_shows_what_was_funded(client, published):
    funding_round, charity, _company = published
    page = client.get(reverse("grants_public_round", kwargs={"pk": funding_round.pk}))
    text = page.content.decode()
    assert (charity.application.project_title in text, "£2,500.50" in text) == (True, True)


def test_public_360giving_download_is_valid(client, published):
    funding_round = published[0]
    response = client.get(reverse("grants_public_360giving", kwargs={"pk": funding_round.pk}))
    assert threesixty.errors_in(json.loads(response.content)) == []


@pytest.fixture
def scoring_round(world):
    funding_round = f.FundingRoundFactory(
        focus_issue=world.keighley.focus_issues.first(), status="scoring"
    )
    application = f.ApplicationFactory(
        round=funding_round,
        status="submitted",
        submitted_at=timezone.now(),
        eligibility="eligible",
    )
    return funding_round, application


def test_deciding_a_round_ticks_secure_community_budget_on_the_decision_date(scoring_round, world):
    funding_round, application = scoring_round
    services.agree_allocation(
        funding_round=funding_round,
        amounts={application.pk: application.amount_requested_pence},
        feedback={},
        reason="Agreed.",
        on=funding_round.decision_on,
        by=world.people["coordinator"],
    )
    step = StepProgress.objects.get(partnership=world.keighley, step__key="secure-community-budget")
    assert (step.status, step.on) == ("done", funding_round.decision_on)


def test_overview_panel_shows_budget_awarded_and_remaining(client, world, scoring_round):
    funding_round, application = scoring_round
    services.agree_allocation(
        funding_round=funding_round,
        amounts={application.pk: 300_000},
        feedback={},
        reason="Agreed.",
        by=world.people["coordinator"],
    )
    client.force_login(world.people["member"])
    text = client.get(world.keighley.get_absolute_url()).content.decode()
    assert ("£20,000" in text, "£3,000" in text, "£17,000" in text) == (True, True, True)
