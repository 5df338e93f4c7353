"""Organisations: identifiers are checked with messages that say what is expected."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from actlocally.organisations.forms import OrganisationForm
from actlocally.organisations.models import Organisation
from actlocally.organisations.services import save_organisation
from actlocally.partnerships.models import Role

from .factories import MembershipFactory, OrganisationFactory, SchoolFactory

pytestmark = pytest.mark.django_db


def form(**data):
    return OrganisationForm(data={"name": "A school", "sector": "school", **data})


@pytest.mark.parametrize("urn", ["12345", "1234567", "12a456"])
def test_urn_must_be_six_digits(urn):
    f = form(urn=urn)
    assert "6 digits" in f.errors["urn"][0]


@pytest.mark.parametrize("number", ["123", "12345678", "1123456-abc"])
def test_charity_number_is_checked(number):
    f = form(sector="vcse", charity_number=number)
    assert "Charity Commission" in f.errors["charity_number"][0]


def test_charity_number_with_linked_charity_suffix_is_accepted():
    assert form(sector="vcse", charity_number="1123456-1").is_valid()


@pytest.mark.parametrize("number", ["1234567", "S1234567", "ABCDEFGH"])
def test_company_number_is_checked(number):
    assert "Companies House" in form(company_number=number).errors["company_number"][0]


def test_company_number_is_upper_cased():
    f = form(company_number="sc123456")
    f.is_valid()
    assert f.cleaned_data["company_number"] == "SC123456"


def test_urn_only_for_schools_in_the_service():
    with pytest.raises(ValidationError) as error:
        save_organisation(
            organisation=Organisation(name="Police", sector="police", urn="123456"), by=None
        )
    assert "urn" in error.value.error_dict


def test_database_refuses_urn_for_a_non_school():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(sector="police", urn="123456")


def test_database_refuses_a_repeated_urn():
    SchoolFactory(urn="107326")
    with pytest.raises(IntegrityError), transaction.atomic():
        SchoolFactory(urn="107326")


def test_an_invalid_organisation_shows_the_error_summary(client):
    coordinator = MembershipFactory(role=Role.COORDINATOR).person
    client.force_login(coordinator)
    response = client.post(
        reverse("organisations:new"), {"name": "X", "sector": "school", "urn": "12"}
    )
    assert b"govuk-error-summary" in response.content


def test_an_invalid_organisation_is_not_saved(client):
    client.force_login(MembershipFactory(role=Role.COORDINATOR).person)
    client.post(reverse("organisations:new"), {"name": "X", "sector": "school", "urn": "12"})
    assert not Organisation.objects.filter(name="X").exists()


def test_organisation_search_finds_by_urn(client):
    client.force_login(MembershipFactory().person)
    SchoolFactory(name="Findable Primary", urn="654321")
    response = client.get(reverse("organisations:list"), {"q": "654321"})
    assert b"Findable Primary" in response.content


def test_an_invalid_field_is_described_by_its_error_message():
    f = form(urn="12")
    f.is_valid()
    html = str(f["urn"])
    assert 'aria-describedby="id_urn_helptext id_urn-error"' in html


def test_sector_radios_have_no_blank_choice():
    assert "" not in [value for value, _label in OrganisationForm().fields["sector"].choices]


def test_missing_sector_says_what_to_choose():
    f = OrganisationForm(data={"name": "X"})
    assert f.errors["sector"] == ["Choose the sector"]
