"""Local authorities and the strategic boards that back every Act Locally area in them."""

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation

from .roles import BoardRole

validate_la_code = RegexValidator(
    r"^E0[6789]\d{6}$",
    _(
        "Enter the ONS code of an English local authority: E06, E07, E08 or E09 "
        "and 6 digits, like E08000032 for Bradford."
    ),
)


class LocalAuthority(models.Model):
    code = models.CharField(_("ONS code"), max_length=9, unique=True, validators=[validate_la_code])
    name = models.CharField(_("name"), max_length=200)

    PERSONAL_DATA = {"code": "not personal", "name": "not personal"}

    class Meta:
        ordering = ["name"]
        verbose_name_plural = _("local authorities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("local_authority", kwargs={"code": self.code})


class Board(models.Model):
    """The strategic partnership board of a local authority, which backs every Act Locally area."""

    local_authority = models.OneToOneField(
        LocalAuthority, on_delete=models.CASCADE, related_name="board"
    )
    name = models.CharField(_("name"), max_length=200)
    backbone = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="backbone_for_boards",
        verbose_name=_("backbone organisation"),
        help_text=_("Convenes, facilitates and enables the partnerships in this local authority."),
    )
    purpose = models.TextField(_("purpose"), blank=True)

    PERSONAL_DATA = dict.fromkeys(
        ("local_authority", "name", "backbone", "purpose"), "not personal"
    )

    def __str__(self):
        return self.name


class BoardMembership(models.Model):
    Role = BoardRole  # one enumeration (.roles), shared with the permission table

    board = models.ForeignKey(Board, on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="board_memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)

    PERSONAL_DATA = {
        "board": "not personal",
        "person": "personal: link to a person",
        "organisation": "not personal",
        "role": "personal: role on the board",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["board", "person"], name="board_membership_unique")
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"
