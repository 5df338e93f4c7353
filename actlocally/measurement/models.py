"""Shared measurement: a local authority's library of indicators, the ones each partnership
chose for its focus issue (with baseline and target), and their data by geography and period."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import FocusIssue, IntendedOutcome, LocalAuthority, Partnership

from .periods import PeriodType
from .statistics import Polarity


class Unit(models.TextChoices):
    COUNT = "count", _("Count")
    PROPORTION = "proportion", _("Proportion (0 to 1)")
    PERCENTAGE = "percentage", _("Percentage")
    RATE_1000 = "rate_1000", _("Crude rate per 1,000")
    RATE_10000 = "rate_10000", _("Crude rate per 10,000")
    MEAN = "mean", _("Mean")


# What the value is, from the numerator and denominator: value = numerator / denominator × this.
MULTIPLIER = {
    Unit.PROPORTION: 1,
    Unit.PERCENTAGE: 100,
    Unit.RATE_1000: 1000,
    Unit.RATE_10000: 10000,
    Unit.MEAN: 1,
}


class Frequency(models.TextChoices):
    ANNUAL = "annual", _("Every year")
    TERMLY = "termly", _("Every term")
    QUARTERLY = "quarterly", _("Every quarter")
    MONTHLY = "monthly", _("Every month")
    ONE_OFF = "one_off", _("Once")


class GeographyType(models.TextChoices):
    LSOA = "lsoa", _("LSOA")
    WARD = "ward", _("Ward")
    LOCAL_AUTHORITY = "la", _("Local authority")
    ENGLAND = "england", _("England")
    AREA = "area", _("The partnership's area")


ENGLAND_CODE = "E92000001"


class Indicator(models.Model):
    """One measure in a local authority's library, defined once and shared by its partnerships."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="indicators"
    )
    key = models.SlugField(
        _("short name for files and the API"),
        max_length=60,
        help_text=_("Lower case letters, numbers and hyphens, e.g. street-crime-rate."),
    )
    name = models.CharField(_("name"), max_length=200)
    definition = models.TextField(
        _("what it measures, in plain English"),
        help_text=_("A sentence or two a partner who is not a statistician understands."),
    )
    numerator_definition = models.TextField(_("numerator: what is counted"), blank=True)
    denominator_definition = models.TextField(_("denominator: out of whom"), blank=True)
    unit = models.CharField(_("unit"), max_length=12, choices=Unit.choices)
    polarity = models.CharField(
        _("which way is better"),
        max_length=20,
        choices=[
            (Polarity.HIGHER_IS_BETTER.value, _("Higher is better")),
            (Polarity.LOWER_IS_BETTER.value, _("Lower is better")),
            (Polarity.NO_JUDGEMENT.value, _("Neither: no judgement")),
        ],
    )
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source's web address (optional)"), blank=True)
    licence = models.CharField(
        _("licence"), max_length=200, help_text=_("For example, Open Government Licence v3.0.")
    )
    frequency = models.CharField(_("how often"), max_length=12, choices=Frequency.choices)
    period_type = models.CharField(_("periods"), max_length=16, choices=PeriodType.choices)
    owner = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("owner of the data (optional)"),
    )
    # Demo values made up where no open source holds the data: labelled on every page and file.
    illustrative = models.BooleanField(
        _("illustrative values, not real data"),
        default=False,
        help_text=_("Tick for made-up demonstration values: every page and file will say so."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "local_authority",
                "key",
                "name",
                "definition",
                "numerator_definition",
                "denominator_definition",
                "unit",
                "polarity",
                "source",
                "source_url",
                "licence",
                "frequency",
                "period_type",
                "owner",
                "illustrative",
                "created_at",
            ),
            "not personal",
        ),
        "created_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "key"], name="indicator_key_unique_in_authority"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def multiplier(self) -> int:
        return MULTIPLIER.get(self.unit, 1)

    @property
    def is_rate(self) -> bool:
        return self.unit in (Unit.RATE_1000, Unit.RATE_10000)

    @property
    def is_proportion(self) -> bool:
        return self.unit in (Unit.PROPORTION, Unit.PERCENTAGE)


class PartnershipIndicator(models.Model):
    """An indicator a partnership chose for its focus issue: its baseline, its target and the
    intended outcomes it is evidence for."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="indicators"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="chosen_by")
    focus_issue = models.ForeignKey(
        FocusIssue, on_delete=models.CASCADE, null=True, blank=True, related_name="indicators"
    )
    outcomes = models.ManyToManyField(
        IntendedOutcome,
        blank=True,
        related_name="indicators",
        verbose_name=_("intended outcomes it is evidence for"),
    )
    baseline_period = models.CharField(_("baseline period"), max_length=20, blank=True)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    target_period = models.CharField(_("target period"), max_length=20, blank=True)
    target_value = models.FloatField(_("target value"), null=True, blank=True)
    why = models.TextField(_("why this indicator (optional)"), blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "partnership",
                "indicator",
                "focus_issue",
                "outcomes",
                "baseline_period",
                "baseline_value",
                "target_period",
                "target_value",
                "why",
                "added_at",
            ),
            "not personal",
        ),
        "added_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["indicator__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "indicator"], name="partnership_indicator_once"
            ),
        ]

    def __str__(self):
        return f"{self.indicator} for {self.partnership}"

    def get_absolute_url(self):
        return reverse(
            "measurement_indicator", kwargs={"slug": self.partnership.slug, "pk": self.pk}
        )

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class DataPoint(models.Model):
    """One figure of an indicator, for one place and one period. For the partnership's own area
    `code` is the partnership's id; otherwise it is the ONS code of the LSOA, ward, local
    authority or England (E92000001)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="data")
    geography = models.CharField(max_length=8, choices=GeographyType.choices)
    code = models.CharField(max_length=20)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, null=True, blank=True, related_name="data_points"
    )
    period = models.CharField(max_length=20)
    # Periods sort by when they start, not by their label.
    period_start = models.DateField()
    numerator = models.FloatField(null=True, blank=True)
    denominator = models.FloatField(null=True, blank=True)
    value = models.FloatField(null=True, blank=True)
    note = models.CharField(max_length=500, blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "indicator",
                "geography",
                "code",
                "partnership",
                "period",
                "period_start",
                "numerator",
                "denominator",
                "value",
                "note",
                "entered_at",
            ),
            "not personal: aggregate figures, never about one person",
        ),
        "entered_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "geography", "code", "period"], name="data_point_once"
            ),
            # No "numerator not negative" here: a mean's numerator is a sum of scores, which
            # may be below zero (AHAH's), and a constraint cannot see the indicator's unit.
            # services.check_figures refuses a negative count for every other unit.
            models.CheckConstraint(
                condition=Q(denominator__isnull=True) | Q(denominator__gt=0),
                name="data_point_denominator_positive",
            ),
            models.CheckConstraint(
                condition=~Q(geography="area") | Q(partnership__isnull=False),
                name="data_point_area_has_partnership",
            ),
        ]
        # The unique constraint's index (indicator, geography, code, period) serves every read:
        # a second index would only slow uploads.

    def __str__(self):
        return f"{self.indicator_id} {self.geography} {self.code} {self.period}"


class DataVersion(models.Model):
    """One row whose token changes with every write that can change a figure or a judgement
    (data points, indicators, choices, focus areas), so pages built from them can be cached per
    token (see versions.py). A random token, not a counter: a rolled-back write's token is never
    issued again, so nothing cached from uncommitted figures can be read back later."""

    token = models.CharField(max_length=32)
    changed_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {"token": "not personal", "changed_at": "not personal"}

    def __str__(self):
        return self.token
