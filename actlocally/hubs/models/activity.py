"""What happens at a hub beyond its weekly timetable: one-stop-shop days (designated dates with
the services present) and take-up (aggregate attendance, never names)."""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .offer import PUBLIC, Location, Service
from .timetable import Hub, Session


class OneStopShopDay(models.Model):
    """A designated date when many services are at the hub together (a "one stop shop")."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="one_stop_days")
    title = models.CharField(_("name of the day"), max_length=200)
    on = models.DateField(_("date"))
    starts_at = models.TimeField(_("starts"))
    ends_at = models.TimeField(_("ends"))
    location = models.ForeignKey(
        Location,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="one_stop_days",
        verbose_name=_("where"),
    )
    description = models.TextField(_("what is on"), blank=True)
    services = models.ManyToManyField(
        Service, blank=True, related_name="one_stop_days", verbose_name=_("services there")
    )
    illustrative = models.BooleanField(_("illustrative"), default=False)

    PERSONAL_DATA = dict.fromkeys(
        (
            "hub",
            "title",
            "on",
            "starts_at",
            "ends_at",
            "location",
            "description",
            "services",
            "illustrative",
        ),
        PUBLIC,
    )

    class Meta:
        ordering = ["on", "starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_at__lt=models.F("ends_at")),
                name="one_stop_day_times_in_order",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("hub", kwargs={"slug": self.hub.partnership.slug, "pk": self.hub_id})


class AgeBand(models.TextChoices):
    UNDER_5 = "0-4", _("Under 5")
    AGE_5_10 = "5-10", _("5 to 10")
    AGE_11_15 = "11-15", _("11 to 15")
    AGE_16_19 = "16-19", _("16 to 19")
    ADULT = "adult", _("Parents and carers")


class TakeUp(models.Model):
    """How many came to a session (or a service at the hub) in a period, in one age band: those
    whose family is at the hub school and those from a spoke school (the hub's reach). Counts
    only; small ones are suppressed where shown."""

    hub = models.ForeignKey(Hub, on_delete=models.CASCADE, related_name="take_up")
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="take_up",
        verbose_name=_("session"),
    )
    service = models.ForeignKey(
        Service,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="take_up",
        verbose_name=_("service"),
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    age_band = models.CharField(_("age band"), max_length=10, choices=AgeBand.choices)
    from_hub_school_count = models.PositiveIntegerField(_("from the hub school"))
    from_spoke_school_count = models.PositiveIntegerField(_("from a spoke school"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)
    illustrative = models.BooleanField(_("illustrative"), default=False)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "hub",
                "session",
                "service",
                "period_start",
                "period_end",
                "age_band",
                "from_hub_school_count",
                "from_spoke_school_count",
                "recorded_at",
                "illustrative",
            ),
            "not personal: aggregate counts",
        ),
        "recorded_by": "personal: who recorded the counts (an account)",
    }

    class Meta:
        ordering = ["-period_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="take_up_period_in_order",
            ),
            models.CheckConstraint(
                condition=models.Q(session__isnull=False) | models.Q(service__isnull=False),
                name="take_up_of_something",
            ),
        ]

    def __str__(self):
        return f"{self.period_start}–{self.period_end} {self.age_band}"

    @property
    def total(self) -> int:
        return self.from_hub_school_count + self.from_spoke_school_count

    def is_for_future(self, today: datetime.date) -> bool:
        return self.period_end > today
