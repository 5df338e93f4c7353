"""The demo's indicators: real open data for every Bradford partnership, compared with Bradford
and England; illustrative values only where no open source exists, and labelled."""

import pytest
from django.core.management import call_command

from actlocally.accounts.models import User
from actlocally.measurement import selectors
from actlocally.partnerships.models import Partnership

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    return User.objects.get(email="researcher@example.org")


def test_every_partnership_sees_its_area_against_bradford_and_england(demo):
    for partnership in Partnership.objects.select_related("local_authority"):
        rows = {r["indicator"].key: r for r in selectors.indicators_page(partnership, demo)["rows"]}
        idaci = rows["idaci"]
        assert idaci["latest"].lsoas > 0, partnership.slug
        assert idaci["vs_local_authority"].result != "not_compared", partnership.slug
        assert idaci["vs_england"].result != "not_compared", partnership.slug
        assert not idaci["indicator"].illustrative


def test_only_the_dental_absence_figures_are_illustrative(demo):
    keighley = Partnership.objects.get(slug="keighley")
    rows = selectors.indicators_page(keighley, demo)["rows"]
    assert [r["indicator"].key for r in rows if r["indicator"].illustrative] == ["dental-absence"]
