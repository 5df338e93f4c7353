"""The shared GOV.UK form habits in core/forms.py: required messages and choices a form sets late."""

import pytest
from django import forms

from actlocally.core.forms import GovUKForm, required_message
from actlocally.organisations.models import Organisation

from . import factories


@pytest.mark.parametrize(
    ("label", "choosing", "message"),
    [
        ("Action", False, "Enter the action"),
        ("Date it was agreed", False, "Enter the date it was agreed"),
        ("Sector", True, "Choose the sector"),
        ("Your name", False, "Enter your name"),
        ("LSOA code", False, "Enter the LSOA code"),
    ],
)
def test_required_message_reads_as_an_instruction(label, choosing, message):
    assert required_message(label, choosing=choosing) == message


def test_a_question_label_gets_a_plain_instruction_not_a_broken_sentence():
    # Was "Choose what did the commissioner say?".
    assert required_message("What did the commissioner say?", choosing=True) == "Choose an answer"


class LateChoices(GovUKForm):
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(), widget=forms.CheckboxSelectMultiple
    )
    lead = forms.ModelChoiceField(queryset=Organisation.objects.none(), widget=forms.RadioSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # As the merge and "record as sent" forms do: the queryset is set after GovUKForm's init.
        self.fields["organisations"].queryset = Organisation.objects.all()
        self.fields["lead"].queryset = Organisation.objects.all()


@pytest.mark.django_db
def test_checkboxes_offer_the_choices_the_form_sets_after_init():
    organisation = factories.OrganisationFactory()
    html = str(LateChoices()["organisations"])
    assert f'value="{organisation.pk}"' in html


@pytest.mark.django_db
def test_required_model_radios_have_no_blank_choice():
    organisation = factories.OrganisationFactory()
    values = [value for value, _label in LateChoices().fields["lead"].choices]
    assert values == [organisation.pk]
