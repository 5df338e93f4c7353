"""The data guardian's search of the access audit, read from the query string."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm
from actlocally.partnerships.models import Partnership

from .models import Kind
from .selectors import Search

DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class SearchForm(GovUKForm):
    person = forms.CharField(
        label=_("Person"),
        required=False,
        max_length=200,
        help_text=_("Part of their name or email address, or a former member's pseudonym."),
    )
    kind = forms.ChoiceField(label=_("What they looked at"), required=False)
    partnership = forms.ModelChoiceField(
        label=_("Partnership"),
        required=False,
        queryset=Partnership.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("Any partnership"),
    )
    since = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Anything")), *Kind.choices]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date must be the same as or after the start date."))
        return cleaned

    def search(self) -> Search:
        """The search, once the form is valid."""
        data = self.cleaned_data
        return Search(
            person=data["person"].strip(),
            kind=data["kind"],
            partnership_id=data["partnership"].pk if data["partnership"] else None,
            since=data["since"],
            until=data["until"],
        )
