"""A partnership's journey as told on its public page: dated events and early impact."""

import datetime

from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .partnerships import Partnership


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_date(value: datetime.date, precision: str) -> str:
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "F Y")
    return formats.date_format(value, "j F Y")


class TimelineEvent(models.Model):
    """A dated step on a partnership's journey, as told on its public page."""

    class Kind(models.TextChoices):
        MILESTONE = "milestone", _("Milestone")
        ENGAGEMENT = "engagement", _("Engagement")
        SYMPOSIUM = "symposium", _("Learning symposium")
        MEETING = "meeting", _("Partnership meeting")
        DOCUMENT = "document", _("Document")
        RECOGNITION = "recognition", _("Recognition")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="timeline")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MILESTONE)
    starts_on = models.DateField(_("date"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    precision = models.CharField(
        _("show the date as"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.DAY,
    )
    title = models.CharField(_("title"), max_length=300)
    details = models.TextField(_("details"), blank=True, help_text=_("One point per line."))
    is_public = models.BooleanField(_("show on the public page"), default=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "partnership",
            "kind",
            "starts_on",
            "ends_on",
            "precision",
            "title",
            "details",
            "is_public",
        ),
        "not personal",
    )

    class Meta:
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                name="timeline_event_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def when(self) -> str:
        start = format_date(self.starts_on, self.precision)
        if self.ends_on:
            return _("%(start)s to %(end)s") % {
                "start": start,
                "end": format_date(self.ends_on, self.precision),
            }
        return start

    @property
    def detail_lines(self) -> list[str]:
        return [line.strip(" -•·") for line in self.details.splitlines() if line.strip(" -•·")]

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class EarlyImpact(models.Model):
    """Something that changed because of the partnership, as the partnership itself reports it."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="early_impact"
    )
    period = models.CharField(_("period"), max_length=40, help_text=_("For example, 2023 to 2024."))
    text = models.TextField(_("what changed"))
    order = models.PositiveSmallIntegerField(default=0)

    PERSONAL_DATA = dict.fromkeys(("partnership", "period", "text", "order"), "not personal")

    class Meta:
        ordering = ["-period", "order", "pk"]
        verbose_name_plural = _("early impact")

    def __str__(self):
        return self.text

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}
