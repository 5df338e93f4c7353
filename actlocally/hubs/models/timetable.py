"""School Health Hubs: a school with its spoke schools, its timetable of recurring sessions
(RFC 5545 recurrence rules) and the local authority's school holidays the sessions skip."""

import datetime

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import LocalAuthority, Partnership

from .offer import PUBLIC, Location, Service


class Hub(models.Model):
    """A school or setting (with a DfE URN) hosting a co-located offer, reaching its spokes."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="hubs")
    name = models.CharField(_("name"), max_length=200)
    school = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hubs",
        verbose_name=_("hub school"),
    )
    spokes = models.ManyToManyField(
        Organisation, blank=True, related_name="spoke_of", verbose_name=_("spoke schools")
    )
    description = models.TextField(_("about the hub"), blank=True)
    # Optional per hub: counts of referrals between the services at the hub (models/joined_up).
    records_service_referrals = models.BooleanField(
        _("records referrals between its services"), default=False
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)

    PERSONAL_DATA = dict.fromkeys(
        (
            "partnership",
            "name",
            "school",
            "spokes",
            "description",
            "records_service_referrals",
            "illustrative",
        ),
        PUBLIC,
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("hub", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    def get_manage_url(self):
        return reverse("hubs_hub_manage", kwargs={"slug": self.partnership.slug, "pk": self.pk})


class HolidayPeriod(models.Model):
    """A school holiday of a local authority (its term dates): sessions do not run in it."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="holidays"
    )
    name = models.CharField(_("name"), max_length=100)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    illustrative = models.BooleanField(_("illustrative"), default=False)

    PERSONAL_DATA = dict.fromkeys(
        ("local_authority", "name", "starts_on", "ends_on", "illustrative"), PUBLIC
    )

    class Meta:
        ordering = ["starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__lte=models.F("ends_on")),
                name="holiday_period_in_order",
            )
        ]

    def __str__(self):
        return self.name

    def covers(self, day: datetime.date) -> bool:
        return self.starts_on <= day <= self.ends_on


class Session(models.Model):
    """A recurring session at a hub: from `first_on`, as often as `rrule` says (an RFC 5545
    RRULE with COUNT or UNTIL), from `starts_at` to `ends_at`, skipping school holidays."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="sessions")
    service = models.ForeignKey(
        Service, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    title = models.CharField(_("title"), max_length=200)
    location = models.ForeignKey(
        Location, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    first_on = models.DateField(_("first date"))
    starts_at = models.TimeField(_("starts"))
    ends_at = models.TimeField(_("ends"))
    rrule = models.CharField(
        _("repeats"),
        max_length=300,
        help_text=_("An iCalendar rule, e.g. FREQ=WEEKLY;BYDAY=TU;UNTIL=20270723"),
    )
    skips_holidays = models.BooleanField(_("not in school holidays"), default=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "hub",
            "service",
            "title",
            "location",
            "first_on",
            "starts_at",
            "ends_at",
            "rrule",
            "skips_holidays",
        ),
        PUBLIC,
    )

    class Meta:
        ordering = ["first_on", "starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")), name="session_times_in_order"
            )
        ]

    def __str__(self):
        return self.title
