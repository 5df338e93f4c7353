"""Forms of the places pages: choosing what a ranking shows, defining an area, mapping an asset,
uploading data files."""

from django import forms
from django.utils.translation import gettext_lazy as _

from actlocally.core.forms import GovUKForm

from .models import Asset, Geography


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data]
        return [super().clean(data, initial)]


class UploadForm(GovUKForm):
    KINDS = [
        ("deprivation", _("English Indices of Deprivation (one release: all its CSV files)")),
        ("geography", _("Geography: an ONS lookup (CSV) or boundaries (GeoJSON)")),
        ("schools", _("Schools: a Get Information About Schools (GIAS) establishment CSV")),
    ]
    kind = forms.ChoiceField(
        label=_("What are you uploading?"), choices=KINDS, widget=forms.RadioSelect
    )
    release = forms.RegexField(
        label=_("Release (deprivation only)"),
        regex=r"^[A-Za-z]+20\d\d$",
        max_length=20,
        required=False,
        help_text=_("For example IoD2019 or IoD2025."),
    )
    geography = forms.ChoiceField(
        label=_("Which LSOAs it is published on (deprivation only)"),
        choices=Geography.choices,
        required=False,
        help_text=_("IoD2019 uses 2011 LSOAs; IoD2025 uses 2021 LSOAs."),
    )
    files = MultipleFileField(label=_("Files"))

    def clean(self):
        data = super().clean()
        if data.get("kind") == "deprivation":
            if not data.get("release"):
                self.add_error("release", _("Enter the release, for example IoD2019."))
            if not data.get("geography"):
                self.add_error("geography", _("Choose which LSOAs the release is published on."))
        return data


NEWEST = "newest"


class ReleaseForm(GovUKForm):
    release = forms.ChoiceField(
        label=_("Which release does the partnership quote?"),
        widget=forms.RadioSelect,
        help_text=_(
            "Used on the area page and for the facts a Statement of Intent pulls in. Keep the "
            "release your documents already quote, so the figures stay the same."
        ),
    )

    def __init__(self, *args, releases=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["release"].choices = [(NEWEST, _("Always the newest release loaded"))] + [
            (r.key, f"{r.key} ({r.get_geography_display()})") for r in releases
        ]


class WardsForm(GovUKForm):
    wards = forms.MultipleChoiceField(
        label=_("Wards in the area"), widget=forms.CheckboxSelectMultiple
    )
    how_chosen = forms.CharField(
        label=_("How the area was chosen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Shown on the area page, for example why these wards."),
    )

    def __init__(self, *args, wards=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wards"].choices = [(w.code, w.name) for w in wards]


class ClusterForm(GovUKForm):
    cluster = forms.ChoiceField(label=_("Suggested area"), widget=forms.RadioSelect)
    how_chosen = WardsForm.base_fields["how_chosen"]

    def __init__(self, *args, clusters=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cluster"].choices = [
            (
                c["key"],
                _("Cluster %(n)s: %(wards)s (%(count)s LSOAs)")
                % {"n": c["rank"], "wards": ", ".join(c["wards"]), "count": len(c["lsoas"])},
            )
            for c in clusters
        ]


class LsoasForm(GovUKForm):
    lsoas = forms.MultipleChoiceField(
        label=_("LSOAs in the area"), widget=forms.CheckboxSelectMultiple
    )
    how_chosen = WardsForm.base_fields["how_chosen"]

    def __init__(self, *args, lsoas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lsoas"].choices = [
            (str(pk), f"{code} {name}" + (f" ({ward})" if ward else ""))
            for pk, code, name, ward in lsoas
        ]


class AssetForm(GovUKForm):
    kind = forms.ChoiceField(
        label=_("What is it?"), choices=Asset.Kind.choices, widget=forms.RadioSelect
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("For a person, their name only: keep contact details elsewhere."),
    )
    description = forms.CharField(
        label=_("How they can help (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    person_agreed = forms.BooleanField(
        label=_("For an individual: they have agreed to be named on the asset map"),
        required=False,
    )
    latitude = forms.FloatField(
        label=_("Latitude (optional)"), required=False, min_value=49, max_value=61
    )
    longitude = forms.FloatField(
        label=_("Longitude (optional)"), required=False, min_value=-9, max_value=3
    )
    lsoa = forms.ChoiceField(
        label=_("Or the LSOA it is in (optional)"),
        required=False,
        help_text=_("Without a map: the asset is shown at the middle of the LSOA."),
    )

    def __init__(self, *args, lsoas=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lsoa"].choices = [("", _("Not chosen"))] + [
            (str(pk), f"{code} {name}") for pk, code, name in lsoas
        ]

    def clean(self):
        data = super().clean()
        if (data.get("latitude") is None) != (data.get("longitude") is None):
            self.add_error("longitude", _("Give both the latitude and the longitude, or neither."))
        if data.get("kind") == Asset.Kind.PERSON and not data.get("person_agreed"):
            self.add_error(
                "person_agreed",
                _("Ask the person first: only name someone who has agreed to be named here."),
            )
        return data
