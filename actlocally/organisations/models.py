"""An organisation in a partnership, with the public identifiers that tell it apart."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .validators import validate_charity_number, validate_company_number, validate_urn


class Sector(models.TextChoices):
    SCHOOL = "school", _("School or early-years setting")
    TRUST = "trust", _("Multi-academy trust")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    HEALTH = "health", _("NHS or health")
    POLICE = "police", _("Police")
    VCSE = "vcse", _("Voluntary and community (VCSE)")
    RESEARCH = "research", _("Research")
    BUSINESS = "business", _("Business")
    FAITH = "faith", _("Faith")
    COMMUNITY = "community", _("Community group")


class OrganisationQuerySet(models.QuerySet):
    def for_list(self):
        return self.annotate(people_count=models.Count("affiliations", distinct=True))


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    urn = models.CharField(
        _("school URN"),
        max_length=6,
        blank=True,
        validators=[validate_urn],
        help_text=_("The Department for Education's unique reference number: 6 digits."),
    )
    charity_number = models.CharField(
        _("charity number"),
        max_length=10,
        blank=True,
        validators=[validate_charity_number],
        help_text=_("Registered with the Charity Commission for England and Wales."),
    )
    company_number = models.CharField(
        _("Companies House number"),
        max_length=8,
        blank=True,
        validators=[validate_company_number],
    )
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("what it does"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "name",
            "sector",
            "urn",
            "charity_number",
            "company_number",
            "website",
            "description",
            "created_at",
        ),
        "not personal: public organisation record",
    )

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["urn"], condition=~Q(urn=""), name="organisation_urn_unique"
            ),
            models.UniqueConstraint(
                fields=["charity_number"],
                condition=~Q(charity_number=""),
                name="organisation_charity_number_unique",
            ),
            models.CheckConstraint(
                condition=Q(urn="") | Q(sector="school"),
                name="organisation_urn_only_for_schools",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", kwargs={"pk": self.pk})


class Affiliation(models.Model):
    """A person works for, or volunteers with, an organisation."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="affiliations"
    )
    role = models.CharField(_("role at the organisation"), max_length=200, blank=True)

    PERSONAL_DATA = {
        "person": "personal: link to a person",
        "organisation": "not personal",
        "role": "personal: role at work",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["person", "organisation"], name="affiliation_unique_person_organisation"
            )
        ]

    def __str__(self):
        return f"{self.person} at {self.organisation}"
