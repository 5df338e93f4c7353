"""Forms for partnership pages; validation of what a person typed lives here, rules in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, GovUKModelForm
from actlocally.organisations.models import Organisation

from .contact import validate_contact
from .models import EarlyImpact, Membership, Partnership, TimelineEvent

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class PartnershipForm(GovUKModelForm):
    class Meta:
        model = Partnership
        fields = [
            "name",
            "area_name",
            "area_description",
            "summary",
            "backbone",
            "research_partner",
            "is_public",
        ]
        widgets = {
            "area_description": forms.Textarea(attrs={"rows": 3}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }


class PublicContactForm(GovUKForm):
    public_contact = forms.CharField(
        label=_("How can residents and parents contact the partnership?"),
        max_length=200,
        required=False,
        validators=[validate_contact],
        help_text=_(
            "An email address, a phone number or a web address (https:// or http://), shown on "
            "the public page. Use a shared one, not a person's own. Leave it empty to show none."
        ),
        error_messages={"max_length": _("The contact must be 200 characters or fewer")},
    )


class PartnerOrganisationsForm(GovUKForm):
    organisations = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The organisations represented in the convening partnership."),
    )


class InvitationForm(GovUKForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(
        label=_("Email address"), help_text=_("We will send a one-time link to this address.")
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, widget=forms.RadioSelect
    )
    organisation = forms.ModelChoiceField(
        label=_("Representing (optional)"),
        queryset=Organisation.objects.all(),
        required=False,
        empty_label=_("Not representing an organisation"),
    )


class MembershipForm(GovUKModelForm):
    class Meta:
        model = Membership
        fields = ["role", "organisation"]
        widgets = {"role": forms.RadioSelect}


class FocusIssueForm(GovUKForm):
    title = forms.CharField(
        label=_("Focus issue"),
        max_length=300,
        help_text=_(
            "In a few words, for example: tackling food insecurity, poor diet and nutrition."
        ),
    )
    summary = forms.CharField(
        label=_("What the data and local people say"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    outcomes = forms.CharField(
        label=_("Intended outcomes"),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        help_text=_("One outcome per line."),
    )

    def clean_outcomes(self) -> list[str]:
        return [
            line.strip(" -•")
            for line in self.cleaned_data["outcomes"].splitlines()
            if line.strip(" -•")
        ]


class NewFocusIssueForm(FocusIssueForm):
    started_on = forms.DateField(label=_("Starts on"), widget=DATE_WIDGET)


class TimelineEventForm(GovUKModelForm):
    class Meta:
        model = TimelineEvent
        fields = ["title", "kind", "starts_on", "ends_on", "precision", "details", "is_public"]
        widgets = {
            "starts_on": DATE_WIDGET,
            "ends_on": DATE_WIDGET,
            "precision": forms.RadioSelect,
            "details": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"ends_on": _("Only for something that lasted a while.")}


class EarlyImpactForm(GovUKModelForm):
    class Meta:
        model = EarlyImpact
        fields = ["period", "text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
