"""Speed of the community budget: the panel's scores page of a big round, and the 360Giving
export of a thousand awards."""

import datetime
import time

from django.utils import timezone

from actlocally.accounts.models import User
from actlocally.grants import threesixty, threesixty_flat
from actlocally.grants.models import (
    Application,
    Award,
    Criterion,
    Declaration,
    FundingRound,
    Panellist,
    Score,
    ScoreSheet,
)
from actlocally.partnerships.models import Partnership

from . import benchmark, median_ms
from .pages import signed_in_client


def _round(title: str, status: str, applications: int) -> FundingRound:
    keighley = Partnership.objects.get(slug="keighley")
    now = timezone.now()
    funding_round = FundingRound.objects.create(
        partnership=keighley,
        focus_issue=keighley.focus_issues.order_by("-started_on").first(),
        title=title,
        summary="Benchmark round (illustrative).",
        budget_pence=applications * 500_000,
        min_grant_pence=100_000,
        max_grant_pence=500_000,
        partial_awards=True,
        eligible_types=["charity"],
        opens_on=datetime.date(2030, 1, 1),
        closes_at=datetime.datetime(2030, 2, 1, 12, 0, tzinfo=datetime.UTC),
        panel_meeting_on=datetime.date(2030, 3, 1),
        decision_on=datetime.date(2030, 3, 8),
        status=status,
        illustrative=True,
    )
    applicant = User.objects.get(email="applicant.foodclub@example.org")
    Application.objects.bulk_create(
        Application(
            round=funding_round,
            applicant=applicant,
            organisation_name=f"Bench group {n} (illustrative)",
            organisation_type="charity",
            charity_number=f"{1_000_000 + n}",
            project_title=f"Bench project {n}",
            amount_requested_pence=200_000 + n * 100,
            status="submitted",
            submitted_at=now,
            eligibility="eligible",
            illustrative=True,
        )
        for n in range(applications)
    )
    return funding_round


@benchmark(
    "panel-scores-page",
    unit="ms",
    target="under 50 ms (median, warm; 60 applications × 12 panellists, constant queries)",
)
def panel_scores_page() -> float:
    funding_round = _round("Bench: panel scores", "scoring", 60)
    criteria = Criterion.objects.bulk_create(
        Criterion(round=funding_round, order=n, name=f"Criterion {n}", weight=n) for n in (1, 2, 3)
    )
    people = list(User.objects.order_by("pk")[:12])
    panellists = Panellist.objects.bulk_create(
        Panellist(round=funding_round, person=p) for p in people
    )
    applications = list(funding_round.applications.all())
    Declaration.objects.bulk_create(
        Declaration(panellist=p, application=a, conflicted=(i + j) % 17 == 0)
        for i, p in enumerate(panellists)
        for j, a in enumerate(applications)
    )
    sheets = ScoreSheet.objects.bulk_create(
        ScoreSheet(panellist=p, application=a, submitted_at=timezone.now())
        for p in panellists
        for a in applications
    )
    Score.objects.bulk_create(
        Score(sheet=s, criterion=c, value=(s.pk + c.pk) % 6) for s in sheets for c in criteria
    )
    client = signed_in_client("coordinator@example.org")
    path = f"/partnerships/keighley/community-budget/rounds/{funding_round.pk}/scores/"

    def fetch():
        response = client.get(path)
        assert response.status_code == 200

    return median_ms(fetch)


@benchmark(
    "export-360giving",
    unit="s",
    target="under 2 s (1,000 awards to JSON, validated, and to the XLSX flat form)",
)
def export_360giving() -> float:
    funding_round = _round("Bench: 360Giving export", "published", 1000)
    Award.objects.bulk_create(
        Award(
            application=a,
            amount_pence=a.amount_requested_pence,
            reason="Benchmark award (illustrative).",
            decided_at=timezone.now(),
            illustrative=True,
        )
        for a in funding_round.applications.all()
    )
    start = time.perf_counter()
    data = threesixty.package(threesixty.published_awards(funding_round))
    assert threesixty.errors_in(data) == []
    assert threesixty_flat.to_xlsx(data)[:2] == b"PK"
    return time.perf_counter() - start
