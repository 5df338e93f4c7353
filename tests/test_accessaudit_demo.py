"""The demo has a data guardian to sign in as, and access events to read."""

import pytest
from django.core.management import call_command

from actlocally.accessaudit.models import AccessEvent, Kind
from actlocally.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(seeded_demo, settings):
    settings.DEMO_MODE = True


def test_the_demo_has_a_data_guardian(seeded):
    assert list(User.objects.filter(is_data_guardian=True).values_list("email", flat=True)) == [
        "dataguardian@example.org"
    ]


def test_the_demo_has_access_events_of_every_kind_a_page_records(seeded):
    kinds = set(AccessEvent.objects.values_list("kind", flat=True))
    assert kinds == {
        Kind.MEMBER_LIST,
        Kind.SYMPOSIUM_GUESTS,
        Kind.PROFILE,
        Kind.HISTORY,
        Kind.EXPORT,
        # The demo's released output (actlocally/outputs/demo.py).
        Kind.LINKED_OUTPUT,
    }


def test_the_demo_logins_list_the_data_guardian(settings, capsys):
    settings.DEMO_MODE = True
    call_command("demo_logins")
    assert "dataguardian@example.org" in capsys.readouterr().out
