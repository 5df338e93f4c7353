"""Page speed with the demo data: the partnership home page, as its co-ordinator sees it."""

from django.test import Client

from actlocally.accounts.models import User

from . import benchmark, median_ms


def signed_in_client(email: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(email=email))
    return client


@benchmark("partnership-home-page", unit="ms", target="under 200 ms (median, warm)")
def partnership_home_page() -> float:
    client = signed_in_client("coordinator@example.org")

    def fetch():
        response = client.get("/partnerships/keighley/")
        assert response.status_code == 200

    return median_ms(fetch)
