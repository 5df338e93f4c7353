"""Forms of the local offer: a service (for the hub lead, co-ordinator and provider) and the
public directory's search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, GovUKModelForm

from .models import Location, Service, TaxonomyTerm

DAYS = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


class ServiceForm(GovUKModelForm):
    terms = forms.ModelMultipleChoiceField(
        label=_("Needs it helps with"),
        queryset=TaxonomyTerm.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    languages = forms.CharField(
        label=_("Languages"),
        help_text=_("Separate them with commas, for example: English, Urdu, Polish."),
        required=False,
        max_length=500,
    )
    url = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    location = forms.ModelChoiceField(
        label=_("Where it happens"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("Choose a place"),
    )

    class Meta:
        model = Service
        fields = [
            "name",
            "organisation",
            "description",
            "eligibility",
            "minimum_age",
            "maximum_age",
            "is_free",
            "fees",
            "url",
            "email",
        ]
        labels = {"is_free": _("It is free")}

    def __init__(self, *args, partnership, can_choose_provider=True, **kwargs):
        super().__init__(*args, **kwargs)
        # Someone at the provider keeps their own service up to date but cannot hand it over.
        if not can_choose_provider:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].required = False
            self.fields["organisation"].empty_label = _("Choose the organisation that runs it")
        self.fields["terms"].queryset = TaxonomyTerm.objects.all()
        self.fields["location"].queryset = Location.objects.filter(partnership=partnership)
        if self.instance.pk:
            self.initial["terms"] = list(self.instance.terms.all())
            self.initial["languages"] = ", ".join(x.name for x in self.instance.languages.all())
            first = self.instance.service_at_locations.first()
            self.initial["location"] = first.location_id if first else None

    def clean_languages(self) -> list[str]:
        names = [name.strip()[:100] for name in self.cleaned_data["languages"].split(",")]
        return [name for name in names if name]

    def clean(self):
        cleaned = super().clean()
        youngest, oldest = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if youngest is not None and oldest is not None and youngest > oldest:
            self.add_error(
                "maximum_age", _("The oldest age must be the same or above the youngest.")
            )
        return cleaned

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}


class DirectorySearchForm(GovUKForm):
    """The public directory's filters (all optional; a GET form)."""

    need = forms.ChoiceField(label=_("What do you need help with?"), required=False)
    age = forms.IntegerField(
        label=_("Age of the child or young person"), min_value=0, max_value=25, required=False
    )
    day = forms.ChoiceField(label=_("Day"), choices=[("", _("Any day")), *DAYS], required=False)
    cost = forms.ChoiceField(
        label=_("Cost"),
        choices=[("", _("Free or paid")), ("free", _("Free only")), ("paid", _("Paid"))],
        required=False,
    )
    language = forms.ChoiceField(label=_("Language"), required=False)
    near = forms.ChoiceField(label=_("Near"), required=False)

    def __init__(self, *args, needs, languages, places, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = [("", _("Anything")), *needs]
        self.fields["language"].choices = [
            ("", _("Any language")),
            *[(name, name) for name in languages],
        ]
        self.fields["near"].choices = [("", _("Anywhere in the area")), *places]


TIME_WIDGET = forms.TimeInput(
    attrs={"type": "time", "data-extra-class": "govuk-input--width-5"}, format="%H:%M"
)
DATE_WIDGET = forms.DateInput(
    attrs={"type": "date", "data-extra-class": "govuk-input--width-10"}, format="%Y-%m-%d"
)


class SessionForm(GovUKForm):
    """A recurring session at a hub, its repeats as an iCalendar rule."""

    title = forms.CharField(label=_("What the session is"), max_length=200)
    service = forms.ModelChoiceField(
        label=_("Service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("Not one of the listed services"),
    )
    first_on = forms.DateField(label=_("First date"), widget=DATE_WIDGET)
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    rrule = forms.CharField(
        label=_("How it repeats"),
        max_length=300,
        help_text=_(
            "An iCalendar rule. Weekly on Tuesdays until the summer: "
            "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270722. Every other week: add INTERVAL=2. "
            "The first Tuesday of each month: FREQ=MONTHLY;BYDAY=1TU;COUNT=10."
        ),
    )
    skips_holidays = forms.BooleanField(
        label=_("Not in school holidays"), required=False, initial=True
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.filter(partnership=partnership)


class HolidayForm(GovUKForm):
    name = forms.CharField(
        label=_("Name"), max_length=100, help_text=_("For example, May half term.")
    )
    starts_on = forms.DateField(label=_("First day"), widget=DATE_WIDGET)
    ends_on = forms.DateField(label=_("Last day"), widget=DATE_WIDGET)
