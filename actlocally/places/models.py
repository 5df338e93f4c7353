"""Small areas (LSOAs), wards, deprivation releases and their values, schools, areas of focus
and the assets and allies mapped in them."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import Partnership

from .measures import KEYS, POPULATIONS


class Geography(models.TextChoices):
    LSOA11 = "lsoa11", _("2011 LSOAs")
    LSOA21 = "lsoa21", _("2021 LSOAs")


class Ward(models.Model):
    """An electoral ward. Bradford's 30 wards kept their codes from 2019 to 2025."""

    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=200)
    la_code = models.CharField(_("local authority code"), max_length=9, db_index=True)
    la_name = models.CharField(_("local authority"), max_length=200)
    geometry = models.TextField(blank=True, help_text=_("GeoJSON geometry, WGS84."))

    PERSONAL_DATA = dict.fromkeys(
        ("code", "name", "la_code", "la_name", "geometry"), "not personal"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.code})"


class LSOA(models.Model):
    """A Lower layer Super Output Area: about 1,500 people, the unit the indices are published on.
    2011 and 2021 LSOAs are separate rows (most unchanged ones share a code)."""

    geography = models.CharField(max_length=6, choices=Geography.choices)
    code = models.CharField(max_length=9)
    name = models.CharField(max_length=200, blank=True)
    la_code = models.CharField(max_length=9, blank=True, db_index=True)
    la_name = models.CharField(max_length=200, blank=True)
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="lsoas"
    )
    geometry = models.TextField(blank=True, help_text=_("GeoJSON geometry, WGS84."))
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # Computed from the boundaries at import: LSOAs that share an edge or a corner.
    neighbours = models.ManyToManyField("self", symmetrical=True, blank=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "geography",
            "code",
            "name",
            "la_code",
            "la_name",
            "ward",
            "geometry",
            "latitude",
            "longitude",
            "neighbours",
        ),
        "not personal",
    )

    class Meta:
        ordering = ["code"]
        verbose_name = "LSOA"
        constraints = [
            models.UniqueConstraint(fields=["geography", "code"], name="lsoa_code_unique"),
            models.CheckConstraint(
                condition=Q(code__regex=r"^[EW]01[0-9]{6}$"), name="lsoa_code_is_ons"
            ),
        ]
        indexes = [models.Index(fields=["geography", "la_code"])]

    def __str__(self):
        return f"{self.name or self.code}"


class LsoaLink(models.Model):
    """ONS's best-fit link of a 2011 LSOA to a 2021 LSOA: U unchanged, S split, M merged, X other."""

    lsoa11 = models.ForeignKey(LSOA, on_delete=models.CASCADE, related_name="links_to_2021")
    lsoa21 = models.ForeignKey(LSOA, on_delete=models.CASCADE, related_name="links_from_2011")
    change = models.CharField(max_length=1)

    PERSONAL_DATA = dict.fromkeys(("lsoa11", "lsoa21", "change"), "not personal")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["lsoa11", "lsoa21"], name="lsoa_link_unique"),
        ]

    def __str__(self):
        return f"{self.lsoa11_id} → {self.lsoa21_id} ({self.change})"


class Release(models.Model):
    """One release of the English Indices of Deprivation, on the LSOAs of its geography.
    Releases live side by side: importing one never touches another."""

    key = models.CharField(
        max_length=20, unique=True, help_text=_("For example IoD2019 or IoD2025.")
    )
    year = models.PositiveSmallIntegerField()
    geography = models.CharField(max_length=6, choices=Geography.choices)
    files = models.TextField(blank=True, help_text=_("The files it was imported from."))
    imported_at = models.DateTimeField(auto_now=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # England-wide figures computed at import, so pages never scan every LSOA.
    summary = models.JSONField(default=dict, blank=True)

    PERSONAL_DATA = {
        "key": "not personal",
        "year": "not personal",
        "geography": "not personal",
        "files": "not personal",
        "imported_at": "not personal",
        "imported_by": "personal: link to a person",
        "summary": "not personal",
    }

    class Meta:
        ordering = ["-year"]

    def __str__(self):
        return self.key

    @property
    def has_population(self) -> bool:
        return bool(self.summary.get("population"))

    def has_scores(self, measure: str) -> bool:
        return measure in self.summary.get("scored", [])


def _deprivation_fields():
    fields = {}
    for key in KEYS:
        fields[f"{key}_score"] = models.FloatField(null=True, blank=True)
        fields[f"{key}_rank"] = models.PositiveIntegerField(null=True, blank=True)
        fields[f"{key}_decile"] = models.PositiveSmallIntegerField(null=True, blank=True)
    for key in POPULATIONS:
        fields[key] = models.PositiveIntegerField(null=True, blank=True)
    return fields


class DeprivationBase(models.Model):
    class Meta:
        abstract = True


for _name, _field in _deprivation_fields().items():
    _field.contribute_to_class(DeprivationBase, _name)


class Deprivation(DeprivationBase):
    """Every measure one release gives one LSOA: score, national rank and decile for the IMD and
    each domain (blank where the release does not publish it), and population denominators."""

    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="values")
    lsoa = models.ForeignKey(LSOA, on_delete=models.CASCADE, related_name="deprivation")

    PERSONAL_DATA = dict.fromkeys(
        ("release", "lsoa", *_deprivation_fields().keys()), "not personal"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["release", "lsoa"], name="deprivation_once_per_release"
            ),
            *(
                models.CheckConstraint(
                    condition=Q(**{f"{k}_decile__gte": 1, f"{k}_decile__lte": 10})
                    | Q(**{f"{k}_decile__isnull": True}),
                    name=f"deprivation_{k}_decile_1_to_10",
                )
                for k in KEYS
            ),
        ]

    def __str__(self):
        return f"{self.lsoa_id} in {self.release_id}"


class School(models.Model):
    """An open school from DfE's Get Information About Schools (GIAS), or one the source material
    names (then only its name is known: no URN, no location)."""

    urn = models.PositiveIntegerField(_("URN"), null=True, blank=True, unique=True)
    name = models.CharField(max_length=200)
    type_name = models.CharField(_("type"), max_length=200, blank=True)
    phase = models.CharField(_("phase"), max_length=100, blank=True)
    postcode = models.CharField(max_length=10, blank=True)
    la_code = models.CharField(max_length=9, blank=True, db_index=True)
    lsoa_code = models.CharField(_("LSOA"), max_length=9, blank=True, db_index=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = dict.fromkeys(
        (
            "urn",
            "name",
            "type_name",
            "phase",
            "postcode",
            "la_code",
            "lsoa_code",
            "latitude",
            "longitude",
            "organisation",
        ),
        "not personal: public establishment record",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class FocusArea(models.Model):
    """A partnership's area of focus: a set of LSOAs of one geography, and how it was chosen."""

    class Method(models.TextChoices):
        WARDS = "wards", _("By ward")
        SUGGESTION = "suggestion", _("From a suggested cluster")
        MAP = "map", _("LSOA by LSOA")

    partnership = models.OneToOneField(
        Partnership, on_delete=models.CASCADE, related_name="focus_area"
    )
    geography = models.CharField(max_length=6, choices=Geography.choices)
    method = models.CharField(max_length=20, choices=Method.choices)
    how_chosen = models.TextField(
        _("how the area was chosen"),
        blank=True,
        help_text=_("In a sentence or two, for the area page: which wards or estates, and why."),
    )
    lsoas = models.ManyToManyField(LSOA, related_name="focus_areas")
    # The release the partnership quotes (its area page, its Statement of Intent's facts), so a
    # newer upload never changes its figures unasked. Blank: the newest release.
    release = models.ForeignKey(
        "Release",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("release the partnership quotes"),
    )
    defined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    defined_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "geography": "not personal",
        "method": "not personal",
        "how_chosen": "not personal",
        "lsoas": "not personal",
        "release": "not personal",
        "defined_by": "personal: link to a person",
        "defined_at": "not personal",
    }

    def __str__(self):
        return f"Area of focus of {self.partnership}"

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Asset(models.Model):
    """A local asset or ally a partnership has mapped: a group, venue, service or person."""

    class Kind(models.TextChoices):
        GROUP = "group", _("Community group")
        VCSE = "vcse", _("Voluntary or community organisation")
        VENUE = "venue", _("Venue")
        SERVICE = "service", _("Service")
        SCHOOL = "school", _("School")
        PERSON = "person", _("Individual")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="assets")
    kind = models.CharField(_("what it is"), max_length=20, choices=Kind.choices)
    name = models.CharField(
        _("name"),
        max_length=200,
        help_text=_("For a person, their name only: nothing else about them is kept here."),
    )
    description = models.TextField(_("how they can help (optional)"), blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="assets"
    )
    lsoa = models.ForeignKey(
        LSOA, on_delete=models.SET_NULL, null=True, blank=True, related_name="assets"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    # An individual is named on the asset map only with their agreement (UK GDPR lawful basis).
    person_agreed = models.BooleanField(_("they agreed to be named here"), default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "kind": "not personal",
        "name": "personal when the asset is an individual: their name only",
        "description": "personal when the asset is an individual: kept short, no contact details",
        "organisation": "not personal",
        "lsoa": "not personal",
        "latitude": "not personal",
        "longitude": "not personal",
        "person_agreed": "personal when the asset is an individual: their consent, kept with the name",
        "added_by": "personal: link to a person",
        "added_at": "not personal",
    }

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="person") | Q(person_agreed=True),
                name="asset_person_named_with_agreement",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(
                    latitude__gte=49,
                    latitude__lte=61,
                    longitude__gte=-9,
                    longitude__lte=3,
                ),
                name="asset_location_in_uk_or_blank",
            ),
        ]

    def __str__(self):
        return self.name

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}
