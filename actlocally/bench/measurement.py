"""Speed of shared measurement with the demo data: importing 100,000 data points from a CSV (all
of Bradford's LSOAs, month by month) and one indicator's page."""

import io
import time

from . import benchmark, median_ms
from .pages import signed_in_client

ROWS = 100_000


def _csv_of_100k(key: str) -> bytes:
    from actlocally.places.models import LSOA

    codes = list(
        LSOA.objects.filter(geography="lsoa11", la_code="E08000032").values_list("code", flat=True)
    )
    out = io.StringIO()
    out.write("indicator,period,area code,numerator,denominator,value,note\n")
    written = 0
    year, month = 1995, 1
    while written < ROWS:
        for i, code in enumerate(codes):
            if written == ROWS:
                break
            out.write(f"{key},{year}-{month:02d},{code},{(i * 7 + month) % 40},1500,,\n")
            written += 1
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return out.getvalue().encode()


@benchmark("import-100k-datapoints", unit="s", target="under 5 s (CSV, checked then saved)")
def import_100k_datapoints() -> float:
    from actlocally.accounts.models import User
    from actlocally.measurement.importers import import_figures
    from actlocally.measurement.models import Indicator
    from actlocally.measurement.services import define_indicator
    from actlocally.partnerships.models import Partnership

    keighley = Partnership.objects.select_related("local_authority").get(slug="keighley")
    by = User.objects.get(email="researcher@example.org")
    indicator = Indicator.objects.filter(key="bench-monthly").first() or define_indicator(
        local_authority=keighley.local_authority,
        by=by,
        key="bench-monthly",
        name="Benchmark: monthly rate",
        definition="Made-up figures for timing the importer.",
        unit="rate_1000",
        polarity="lower_is_better",
        source="make bench",
        licence="Illustrative",
        frequency="monthly",
        period_type="month",
        illustrative=True,
    )
    data = _csv_of_100k(indicator.key)
    start = time.perf_counter()
    saved = import_figures(data=data, name="bench.csv", partnership=keighley, by=by)
    elapsed = time.perf_counter() - start
    assert saved == ROWS
    return elapsed


@benchmark("indicator-page", unit="ms", target="under 50 ms (median, warm)")
def indicator_page() -> float:
    from actlocally.measurement.models import PartnershipIndicator

    chosen = PartnershipIndicator.objects.get(
        partnership__slug="keighley", indicator__key="dental-absence"
    )
    client = signed_in_client("researcher@example.org")
    path = chosen.get_absolute_url()

    def fetch():
        response = client.get(path)
        assert response.status_code == 200

    return median_ms(fetch)
