"""Every required field of the Statement of Intent forms says, in plain GOV.UK words, what to
enter or select (never a question turned into "Choose what did …?")."""

import pytest

from actlocally.statements import forms

from .factories import OrganisationFactory

EXPECTED = {
    forms.FactForm: {"text": "Enter what it tells us"},
    forms.ChartForm: {"title": "Enter the chart title", "points": "Enter the numbers"},
    forms.QuoteForm: {"text": "Enter the quote", "source": "Enter who said it, and where"},
    forms.ActionForm: {"text": "Enter the action"},
    forms.OutcomeForm: {"text": "Enter the outcome"},
    forms.RecommendationRowForm: {
        "text": "Enter the recommendation",
        "to_id": "Select the commissioner it is for",
    },
    forms.AgreeForm: {
        "agreed_on": "Enter the date it was agreed",
        "agreed_on_precision": "Select how to show the date",
        "agreed_by_whom": "Enter who agreed it",
    },
    forms.ResponseForm: {
        "status": "Select what the commissioner said",
        "response": "Enter their response",
        "responded_on": "Enter the date of the response",
    },
    forms.CommentForm: {
        "section": "Select the section you are commenting on",
        "text": "Enter your comment",
    },
}


@pytest.mark.parametrize("form_class", list(EXPECTED), ids=lambda f: f.__name__)
def test_required_messages_read_as_instructions(db, form_class):
    OrganisationFactory()
    form = form_class(data={})

    form.is_valid()

    assert {name: errors[0] for name, errors in form.errors.items()} == EXPECTED[form_class]


def test_send_form_asks_to_select_recommendations(db):
    from actlocally.statements.models import Recommendation

    form = forms.SendForm(data={}, queryset=Recommendation.objects.all())
    form.is_valid()

    assert form.errors["recommendations"] == ["Select the recommendations that were sent"]
    assert form.errors["sent_on"] == ["Enter the date they were sent"]
