"""The convening partnerships: one place, one issue at a time."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation

from ..contact import parse_contact, validate_contact
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
    public_contact = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        validators=[validate_contact],
        help_text=_(
            "How residents and parents can reach the partnership, shown on its public page: an "
            "email address, a phone number or a web address. Use a shared one, not a person's own."
        ),
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
    ) | {"public_contact": "personal if a person's own: the form asks for a shared contact"}

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("partnership", kwargs={"slug": self.slug})

    def get_public_url(self):
        return reverse("area", kwargs={"slug": self.slug})

    @property
    def contact(self):
        """The public contact as a link, or None when none is set (or an old value no longer
        passes the check)."""
        try:
            return parse_contact(self.public_contact) if self.public_contact else None
        except ValidationError:
            return None

    def get_additional_data(self):
        return {"partnership_id": self.pk}
