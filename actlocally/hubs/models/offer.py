"""Services of the local offer in the Open Referral UK data model: who runs them, where, when
and for which needs. ORUK identifiers (UUIDs) are kept so files and the API round-trip."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import Partnership

PUBLIC = "not personal: public directory record"


class Taxonomy(models.Model):
    """A list of terms services are tagged with (ours: the needs of the local offer)."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    uri = models.URLField(_("address"), blank=True)
    version = models.CharField(_("version"), max_length=50, blank=True)

    PERSONAL_DATA = dict.fromkeys(("oruk_id", "name", "description", "uri", "version"), PUBLIC)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "taxonomies"

    def __str__(self):
        return self.name


class TaxonomyTerm(models.Model):
    """A need a service meets, such as oral health or parenting."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    taxonomy = models.ForeignKey(
        Taxonomy, on_delete=models.CASCADE, related_name="terms", null=True, blank=True
    )
    code = models.SlugField(_("code"), max_length=100)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"))
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )

    PERSONAL_DATA = dict.fromkeys(
        ("oruk_id", "taxonomy", "code", "name", "description", "parent"), PUBLIC
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class OrukStatus(models.TextChoices):
    ACTIVE = "active", _("Running")
    INACTIVE = "inactive", _("Not running at the moment")
    DEFUNCT = "defunct", _("Closed for good")
    TEMPORARILY_CLOSED = "temporarily closed", _("Closed for now")


class ServiceQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)


class Service(models.Model):
    """A service in an area's local offer. Only published services are public (the directory
    and the ORUK API); the provider and the people who run the partnership see the rest."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="services")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="services",
        verbose_name=_("provider"),
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("what it offers"), blank=True)
    eligibility = models.TextField(_("who it is for"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    is_free = models.BooleanField(_("free"), default=True)
    fees = models.CharField(_("what it costs"), max_length=500, blank=True)
    url = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("email"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=OrukStatus.choices, default=OrukStatus.ACTIVE
    )
    published = models.BooleanField(_("published"), default=False)
    illustrative = models.BooleanField(
        _("illustrative"), default=False, help_text=_("Demonstration data, not a real service.")
    )
    terms = models.ManyToManyField(TaxonomyTerm, blank=True, related_name="services")
    modified_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "oruk_id",
                "partnership",
                "organisation",
                "name",
                "description",
                "eligibility",
                "minimum_age",
                "maximum_age",
                "is_free",
                "fees",
                "url",
                "status",
                "published",
                "illustrative",
                "terms",
                "modified_at",
            ),
            PUBLIC,
        ),
        "email": "not personal: a service's public address",
    }

    objects = ServiceQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(minimum_age__isnull=True)
                | models.Q(maximum_age__isnull=True)
                | models.Q(minimum_age__lte=models.F("maximum_age")),
                name="service_ages_in_order",
            )
        ]

    def __str__(self):
        return self.name


class Language(models.Model):
    """A language the service is offered in."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    name = models.CharField(_("language"), max_length=100)
    code = models.CharField(_("ISO 639 code"), max_length=10, blank=True)

    PERSONAL_DATA = dict.fromkeys(("oruk_id", "service", "name", "code"), PUBLIC)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Contact(models.Model):
    """Who to ask about the service: usually a role ("School nursing team"), sometimes a
    named person at work."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=200, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)

    PERSONAL_DATA = {
        "oruk_id": "not personal",
        "service": "not personal",
        "name": "personal: a contact's name at work, published",
        "title": "personal: a contact's job title, published",
        "email": "personal: a contact's work email, published",
        "phone": "personal: a contact's work phone, published",
    }

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name or self.title


class Location(models.Model):
    """A place services happen: a school, a children's centre, a clinic."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="service_locations"
    )
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    address_1 = models.CharField(_("address"), max_length=200)
    city = models.CharField(_("town or city"), max_length=100)
    state_province = models.CharField(_("county"), max_length=100, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=10)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    accessibility = models.TextField(_("access"), blank=True)
    urn = models.CharField(_("school URN"), max_length=6, blank=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "oruk_id",
            "partnership",
            "name",
            "description",
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "latitude",
            "longitude",
            "accessibility",
            "urn",
        ),
        PUBLIC,
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class ServiceAtLocation(models.Model):
    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="service_at_locations"
    )
    location = models.ForeignKey(
        Location, on_delete=models.CASCADE, related_name="service_at_locations"
    )

    PERSONAL_DATA = dict.fromkeys(("oruk_id", "service", "location"), PUBLIC)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["service", "location"], name="service_at_location_unique"
            )
        ]

    def __str__(self):
        return f"{self.service} at {self.location}"


class Frequency(models.TextChoices):
    WEEKLY = "WEEKLY", _("Weekly")
    MONTHLY = "MONTHLY", _("Monthly")


class Schedule(models.Model):
    """When the service runs, as ORUK's iCalendar-style regular schedule."""

    oruk_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="schedules")
    freq = models.CharField(_("how often"), max_length=10, choices=Frequency.choices)
    interval = models.PositiveSmallIntegerField(_("every"), default=1)
    byday = models.CharField(_("days"), max_length=50, blank=True, help_text="e.g. MO,TH or 1TU")
    opens_at = models.TimeField(_("opens"), null=True, blank=True)
    closes_at = models.TimeField(_("closes"), null=True, blank=True)
    description = models.CharField(_("in words"), max_length=300, blank=True)

    PERSONAL_DATA = dict.fromkeys(
        ("oruk_id", "service", "freq", "interval", "byday", "opens_at", "closes_at", "description"),
        PUBLIC,
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return self.description or f"{self.freq} {self.byday}"
