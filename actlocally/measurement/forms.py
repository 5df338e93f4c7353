"""Forms of shared measurement: what a person typed is checked here; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm, GovUKModelForm

from .models import GeographyType, Indicator


class IndicatorForm(GovUKModelForm):
    """A new indicator for the local authority's library."""

    # Declared here, not from the model, to say https is the scheme when none is typed.
    source_url = forms.URLField(
        label=_("Source's web address (optional)"), required=False, assume_scheme="https"
    )
    field_order = [
        "name",
        "key",
        "definition",
        "numerator_definition",
        "denominator_definition",
        "unit",
        "polarity",
        "period_type",
        "frequency",
        "source",
        "source_url",
        "licence",
        "illustrative",
    ]

    class Meta:
        model = Indicator
        fields = [
            "name",
            "key",
            "definition",
            "numerator_definition",
            "denominator_definition",
            "unit",
            "polarity",
            "period_type",
            "frequency",
            "source",
            "licence",
            "illustrative",
        ]
        widgets = {
            "definition": forms.Textarea(attrs={"rows": 3}),
            "numerator_definition": forms.Textarea(attrs={"rows": 2}),
            "denominator_definition": forms.Textarea(attrs={"rows": 2}),
            "unit": forms.RadioSelect,
            "polarity": forms.RadioSelect,
        }

    def validate_unique(self):
        # The library's uniqueness is checked by the service, which knows the authority.
        pass


class ChoiceForm(GovUKForm):
    """Choosing an indicator for the partnership (or changing one chosen): baseline, target and
    the intended outcomes it evidences."""

    indicator = forms.ModelChoiceField(
        label=_("Indicator"), queryset=Indicator.objects.none(), widget=forms.RadioSelect
    )
    outcomes = forms.ModelMultipleChoiceField(
        label=_("Intended outcomes it is evidence for (optional)"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    baseline_period = forms.CharField(
        label=_("Baseline period (optional)"),
        max_length=20,
        required=False,
        help_text=_("For example 2022/23, the year the intended outcomes compare with."),
    )
    baseline_value = forms.FloatField(label=_("Baseline value (optional)"), required=False)
    target_period = forms.CharField(
        label=_("Target period (optional)"), max_length=20, required=False
    )
    target_value = forms.FloatField(label=_("Target value (optional)"), required=False)
    why = forms.CharField(
        label=_("Why this indicator (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, indicators=None, outcomes=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["indicator"]
        else:
            self.fields["indicator"].queryset = indicators
        self.fields["outcomes"].queryset = outcomes
        self.fields["outcomes"].label_from_instance = lambda o: o.text


GEOGRAPHIES = [
    (GeographyType.AREA, _("The partnership's area")),
    (GeographyType.LSOA, _("An LSOA")),
    (GeographyType.WARD, _("A ward")),
    (GeographyType.LOCAL_AUTHORITY, _("A local authority")),
    (GeographyType.ENGLAND, _("England")),
]


class DataPointForm(GovUKForm):
    indicator = forms.ModelChoiceField(label=_("Indicator"), queryset=Indicator.objects.none())
    geography = forms.ChoiceField(
        label=_("Where the figure is for"), choices=GEOGRAPHIES, widget=forms.RadioSelect
    )
    code = forms.CharField(
        label=_("ONS code (not needed for the partnership's area)"),
        max_length=9,
        required=False,
        help_text=_(
            "For example E01010568 (an LSOA), E08000032 (Bradford) or E92000001 (England)."
        ),
    )
    period = forms.CharField(label=_("Period"), max_length=20, help_text=_("For example 2022/23."))
    numerator = forms.FloatField(label=_("Numerator (optional)"), required=False)
    denominator = forms.FloatField(label=_("Denominator (optional)"), required=False)
    value = forms.FloatField(
        label=_("Value (optional)"),
        required=False,
        help_text=_("Worked out from the numerator and denominator when you give both."),
    )
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)

    def __init__(self, *args, indicators=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].queryset = indicators

    def clean(self):
        data = super().clean()
        if data.get("geography") == GeographyType.ENGLAND:
            data["code"] = "E92000001"
        elif data.get("geography") not in (None, GeographyType.AREA) and not data.get("code"):
            self.add_error("code", _("Enter the ONS code of the place."))
        return data


class UploadForm(GovUKForm):
    file = forms.FileField(
        label=_("Upload a file"),
        help_text=_("A CSV or Excel (.xlsx) file with the template's columns."),
    )

    def clean_file(self):
        f = self.cleaned_data["file"]
        if not f.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("The file must be a CSV or an Excel (.xlsx) file."))
        return f


COMPARE_WARDS, COMPARE_LSOAS = "wards", "lsoas"
# The funnel chart each choice draws.
FUNNEL_OF = {COMPARE_WARDS: "funnel-wards", COMPARE_LSOAS: "funnel"}


class FunnelCompareForm(forms.Form):
    """Which places the indicator page's funnel plot compares the area with (a query
    parameter): a value it does not know shows the default, the authority's wards."""

    compare = forms.ChoiceField(
        label=_("Compare with"),
        choices=[(COMPARE_WARDS, _("Wards")), (COMPARE_LSOAS, _("The area's LSOAs"))],
        required=False,
    )


def funnel_compare(query) -> str:
    """The `compare` choice in `query` (a QueryDict), or the default when absent or unknown."""
    form = FunnelCompareForm(query)
    if form.is_valid() and form.cleaned_data["compare"]:
        return form.cleaned_data["compare"]
    return COMPARE_WARDS
