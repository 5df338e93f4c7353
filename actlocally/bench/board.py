"""Speed of the board dashboard: a made-up local authority of 30 partnerships, each with 20
indicators of five years' figures (half their own area's rows, half summed from 5 LSOAs each),
its authority's and England's, a focus issue, a Statement of Intent and actions."""

import datetime

from django.utils import timezone

from . import benchmark, median_ms
from .pages import signed_in_client

PARTNERSHIPS = 30
INDICATORS = 20
LSOAS_EACH = 5
BENCH_LA = "E06999990"
BOARD_EMAIL = "bench-board@example.org"
YEARS = [(f"{y}/{(y + 1) % 100:02d}", datetime.date(y, 9, 1)) for y in range(2019, 2024)]


def build() -> None:
    """The bench authority (once per database): plain bulk writes, as fixtures, not services."""
    from actlocally.accounts.models import User
    from actlocally.actions.models import Action
    from actlocally.measurement import versions
    from actlocally.measurement.models import DataPoint, Indicator, PartnershipIndicator
    from actlocally.organisations.models import Organisation
    from actlocally.partnerships.models import (
        Board,
        BoardMembership,
        FocusIssue,
        LocalAuthority,
        Partnership,
    )
    from actlocally.places.models import LSOA, FocusArea
    from actlocally.statements.models import Statement, StatementVersion

    la, created = LocalAuthority.objects.get_or_create(
        code=BENCH_LA, defaults={"name": "Benchmark borough"}
    )
    if not created:
        return
    backbone = Organisation.objects.order_by("pk").first()
    board = Board.objects.create(local_authority=la, name="Benchmark board", backbone=backbone)
    person = User.objects.create_user(email=BOARD_EMAIL, full_name="Bench Board Member")
    BoardMembership.objects.create(board=board, person=person)
    indicators = Indicator.objects.bulk_create(
        Indicator(
            local_authority=la,
            key=f"bench-{n}",
            name=f"Benchmark indicator {n:02d}",
            definition="Made-up figures for timing the board dashboard.",
            unit="percentage",
            polarity="lower_is_better" if n % 2 else "higher_is_better",
            source="make bench",
            licence="Illustrative",
            frequency="annual",
            period_type="academic_year",
            illustrative=True,
        )
        for n in range(INDICATORS)
    )
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            local_authority=la,
            name=f"Act Locally: Bench {n:02d}",
            slug=f"bench-{n:02d}",
            area_name=f"Bench {n:02d}",
            backbone=backbone,
        )
        for n in range(PARTNERSHIPS)
    )
    focus = FocusIssue.objects.bulk_create(
        FocusIssue(
            partnership=p, title="Benchmark focus issue", started_on=datetime.date(2023, 10, 1)
        )
        for p in partnerships
    )
    statements = Statement.objects.bulk_create(
        Statement(partnership=p, focus_issue=f) for p, f in zip(partnerships, focus, strict=True)
    )
    StatementVersion.objects.bulk_create(
        StatementVersion(statement=s, number=1, content={}) for s in statements
    )
    past = timezone.localdate() - datetime.timedelta(days=10)
    Action.objects.bulk_create(
        Action(partnership=p, focus_issue=f, title=f"Action {n}", due_on=past)
        for p, f in zip(partnerships, focus, strict=True)
        for n in range(3)
    )
    lsoas = list(
        LSOA.objects.filter(geography="lsoa11", la_code="E08000032").order_by("code")[
            : PARTNERSHIPS * LSOAS_EACH
        ]
    )
    areas = FocusArea.objects.bulk_create(
        FocusArea(partnership=p, geography="lsoa11", method="map") for p in partnerships
    )
    through = FocusArea.lsoas.through
    through.objects.bulk_create(
        through(focusarea_id=a.pk, lsoa_id=lsoa.pk)
        for i, a in enumerate(areas)
        for lsoa in lsoas[i * LSOAS_EACH : (i + 1) * LSOAS_EACH]
    )
    PartnershipIndicator.objects.bulk_create(
        PartnershipIndicator(partnership=p, indicator=ind, baseline_period="2022/23")
        for p in partnerships
        for ind in indicators
    )
    points = []
    for n, ind in enumerate(indicators):
        for y, (period, start) in enumerate(YEARS):
            for geography, code in (("la", BENCH_LA), ("england", "E92000001")):
                points.append(
                    DataPoint(
                        indicator=ind,
                        geography=geography,
                        code=code,
                        period=period,
                        period_start=start,
                        numerator=9000 + y * 50,
                        denominator=100000,
                        value=9 + y * 0.05,
                    )
                )
            if n % 2:
                points += [
                    DataPoint(
                        indicator=ind,
                        geography="lsoa",
                        code=lsoa.code,
                        period=period,
                        period_start=start,
                        numerator=10 + y + (i % 7),
                        denominator=120,
                        value=None,
                    )
                    for i, lsoa in enumerate(lsoas)
                ]
            else:
                points += [
                    DataPoint(
                        indicator=ind,
                        geography="area",
                        code=str(p.pk),
                        partnership=p,
                        period=period,
                        period_start=start,
                        numerator=40 + y * 4 + (i % 5),
                        denominator=500,
                        value=None,
                    )
                    for i, p in enumerate(partnerships)
                ]
    DataPoint.objects.bulk_create(points, batch_size=2000)
    # bulk_create sends no signals: the figures changed, so their cached judgements did too.
    versions.bump()


@benchmark(
    "board-dashboard-page",
    unit="ms",
    target="under 100 ms (median, warm; 30 partnerships × 20 indicators)",
)
def board_dashboard_page() -> float:
    from django.db import transaction

    with transaction.atomic():
        build()
    client = signed_in_client(BOARD_EMAIL)
    path = f"/local-authorities/{BENCH_LA}/board/"

    def fetch():
        response = client.get(path)
        assert response.status_code == 200

    return median_ms(fetch)
