"""The convening partnerships: one place, one issue at a time."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation

from .authorities import LocalAuthority


class PartnershipQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Partnership(models.Model):
    """An Act Locally convening partnership: one place, one issue at a time."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="partnerships"
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("For example, Act Locally: Keighley.")
    )
    slug = models.SlugField(_("short name for web addresses"), unique=True)
    area_name = models.CharField(
        _("area"), max_length=200, help_text=_("The place, as local people name it.")
    )
    area_description = models.TextField(
        _("how the area is defined"),
        blank=True,
        help_text=_("Which wards, estates or school clusters it covers, and why it was chosen."),
    )
    summary = models.TextField(_("summary"), blank=True)
    backbone = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="backbone_for_partnerships",
        verbose_name=_("backbone organisation"),
    )
    research_partner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="research_for_partnerships",
        verbose_name=_("research partner"),
        null=True,
        blank=True,
    )
    partner_organisations = models.ManyToManyField(
        Organisation, related_name="partnerships", blank=True, verbose_name=_("partners")
    )
    is_public = models.BooleanField(
        _("show a public page"),
        default=True,
        help_text=_("The public page shows the focus issue, intended outcomes and journey."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = dict.fromkeys(
        (
            "local_authority",
            "name",
            "slug",
            "area_name",
            "area_description",
            "summary",
            "backbone",
            "research_partner",
            "partner_organisations",
            "is_public",
            "created_at",
        ),
        "not personal",
    )

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership", kwargs={"slug": self.slug})

    def get_public_url(self):
        return reverse("area", kwargs={"slug": self.slug})

    def get_additional_data(self):
        return {"partnership_id": self.pk}
