"""Speed of measurement's charts with the demo data: one indicator's trend chart spec served as
JSON (the funnel's exact limits are worked out in the same request)."""

from . import benchmark, median_ms
from .pages import signed_in_client


@benchmark("indicator-chart-spec", unit="ms", target="under 50 ms (median, warm)")
def indicator_chart_spec() -> float:
    from django.urls import reverse

    from actlocally.measurement.models import PartnershipIndicator

    chosen = PartnershipIndicator.objects.get(
        partnership__slug="keighley", indicator__key="dental-absence"
    )
    client = signed_in_client("researcher@example.org")
    path = reverse(
        "measurement_chart", kwargs={"slug": "keighley", "pk": chosen.pk, "kind": "funnel"}
    )

    def fetch():
        response = client.get(path)
        assert response.status_code == 200

    return median_ms(fetch)
