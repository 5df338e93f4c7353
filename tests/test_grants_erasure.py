"""Erasing a person keeps a round's record: the application they wrote (its award is published)
and the panel seat they held (its scores made the decision), attributed to a former member."""

import pytest

from actlocally.privacy.services import erase_person
from tests import factories
from tests import factories_grants as f

pytestmark = pytest.mark.django_db


def staff():
    return factories.UserFactory(is_staff=True)


def test_erasing_an_applicant_keeps_their_organisations_application():
    application = f.ApplicationFactory()
    erase_person(person=application.applicant, by=staff())
    application.refresh_from_db()
    assert application.applicant is None


def test_erasing_a_panellist_keeps_their_seat_and_declarations():
    declaration = f.DeclarationFactory()
    erase_person(person=declaration.panellist.person, by=staff())
    declaration.panellist.refresh_from_db()
    assert (declaration.panellist.person, str(declaration.panellist).startswith("a former")) == (
        None,
        True,
    )
