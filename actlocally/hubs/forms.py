"""Forms of the local offer: a service (for the hub lead, co-ordinator and provider) and the
public directory's search."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, GovUKModelForm
from actlocally.organisations.models import Organisation, Sector

from .models import AgeBand, Location, Outcome, ReasonCategory, Service, Session, TaxonomyTerm

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


def _schools():
    return Organisation.objects.filter(sector=Sector.SCHOOL).order_by("name")


class HubForm(GovUKForm):
    """A School Health Hub: its school and the spoke schools it reaches."""

    name = forms.CharField(label=_("Name of the hub"), max_length=200)
    school = forms.ModelChoiceField(
        label=_("Hub school"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Choose the school the hub is at"),
    )
    spokes = forms.ModelMultipleChoiceField(
        label=_("Spoke schools"),
        help_text=_("The area's other schools whose families the hub serves."),
        queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("About the hub"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    records_service_referrals = forms.BooleanField(
        label=_("Record referrals between the services at the hub"),
        help_text=_(
            "Counts only: how many times one service at the hub referred families to another, "
            "to show whether being together joins services up."
        ),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = _schools()
        self.fields["spokes"].queryset = _schools()

    def clean(self):
        cleaned = super().clean()
        school, spokes = cleaned.get("school"), cleaned.get("spokes") or []
        if school is not None and school in spokes:
            self.add_error("spokes", _("The hub school cannot also be one of its spokes."))
        return cleaned


class OneStopDayForm(GovUKForm):
    """A one-stop-shop day at a hub with the services there."""

    title = forms.CharField(
        label=_("Name of the day"),
        max_length=200,
        help_text=_("For example, Spring one stop health shop."),
    )
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    starts_at = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    ends_at = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    location = forms.ModelChoiceField(
        label=_("Where"),
        queryset=Location.objects.none(),
        required=False,
        empty_label=_("At the hub"),
    )
    services = forms.ModelMultipleChoiceField(
        label=_("Services there on the day"),
        queryset=Service.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("What is on"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["location"].queryset = Location.objects.filter(partnership=partnership)
        self.fields["services"].queryset = Service.objects.filter(partnership=partnership)


class TakeUpForm(GovUKForm):
    """Counts of who came, for one age band of a session or service in a period."""

    session = forms.ModelChoiceField(
        label=_("Session"),
        queryset=Session.objects.none(),
        required=False,
        empty_label=_("Not a timetabled session"),
    )
    service = forms.ModelChoiceField(
        label=_("Or the service"),
        queryset=Service.objects.none(),
        required=False,
        empty_label=_("Choose a service"),
        help_text=_("For a one-stop-shop day or a drop-in not on the timetable."),
    )
    period_start = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    period_end = forms.DateField(label=_("To"), widget=DATE_WIDGET)
    age_band = forms.ChoiceField(label=_("Age band"), choices=AgeBand.choices)
    from_hub_school_count = forms.IntegerField(
        label=_("From the hub school"),
        help_text=_("Children or families at the hub's own school."),
        min_value=0,
        max_value=10_000,
        widget=forms.NumberInput(attrs={"data-extra-class": "govuk-input--width-5"}),
    )
    from_spoke_school_count = forms.IntegerField(
        label=_("From a spoke school"),
        help_text=_("Children or families at one of the hub's spoke schools."),
        min_value=0,
        max_value=10_000,
        widget=forms.NumberInput(attrs={"data-extra-class": "govuk-input--width-5"}),
    )

    def __init__(self, *args, hub, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].queryset = hub.sessions.order_by("title", "pk")
        self.fields["service"].queryset = Service.objects.filter(partnership=hub.partnership)

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("session")
            and not cleaned.get("service")
            and not self.has_error("session")
        ):
            self.add_error("session", _("Choose the session or the service the counts are for."))
        return cleaned


class ServiceReferralCountForm(GovUKForm):
    """How many referrals one service at the hub made to another on a day (counts only)."""

    from_service = forms.ModelChoiceField(
        label=_("From service"), queryset=Service.objects.none(), empty_label=_("Choose a service")
    )
    to_service = forms.ModelChoiceField(
        label=_("To service"), queryset=Service.objects.none(), empty_label=_("Choose a service")
    )
    on = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    reason = forms.ChoiceField(
        label=_("What the referrals were about"), choices=ReasonCategory.choices
    )
    outcome = forms.ChoiceField(label=_("What came of them"), choices=Outcome.choices)
    count = forms.IntegerField(
        label=_("Number of referrals"),
        help_text=_("How many, never who."),
        min_value=1,
        max_value=10_000,
        widget=forms.NumberInput(attrs={"data-extra-class": "govuk-input--width-5"}),
    )

    def __init__(self, *args, services, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["from_service"].queryset = services
        self.fields["to_service"].queryset = services

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("from_service") and cleaned.get("from_service") == cleaned.get("to_service"):
            self.add_error("to_service", _("Choose a different service from the one referring."))
        return cleaned


class ReferralForm(GovUKForm):
    """A school's referral: its own reference for the child (never a name), the need and the
    service."""

    school = forms.ModelChoiceField(
        label=_("Referring school"), queryset=Organisation.objects.none(), empty_label=None
    )
    reference = forms.CharField(
        label=_("The school's reference"),
        max_length=40,
        help_text=_(
            "A reference your school can look up, such as REF-0042. Do not enter a name, "
            "date of birth or address."
        ),
    )
    need = forms.ModelChoiceField(
        label=_("What they need help with"),
        queryset=TaxonomyTerm.objects.none(),
        empty_label=_("Choose a need"),
    )
    service = forms.ModelChoiceField(
        label=_("Service"), queryset=Service.objects.none(), empty_label=_("Choose a service")
    )

    def __init__(self, *args, partnership, schools, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = schools
        self.fields["need"].queryset = TaxonomyTerm.objects.order_by("name")
        self.fields["service"].queryset = Service.objects.published().filter(
            partnership=partnership
        )
