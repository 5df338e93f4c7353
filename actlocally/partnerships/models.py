"""Local authorities, their strategic boards, and the convening partnerships in their areas."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation

from .contact import parse_contact, validate_contact

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
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Board member")
        BACKBONE = "backbone", _("Backbone staff")

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


class PartnershipQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The partnerships a person may open: the one visibility rule for lists and lookups."""
        from actlocally.authorization import visible_partnership_filter

        return self.filter(visible_partnership_filter(user))

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


class Membership(models.Model):
    """A person's seat in a convening partnership, and the role they play in it."""

    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Co-ordinator")
        RESEARCH_PARTNER = "research_partner", _("Research partner")
        MEMBER = "member", _("Member")
        COMMUNITY_REP = "community_rep", _("Community representative")
        YOUNG_PERSON = "young_person", _("Young person")
        COMMISSIONER = "commissioner", _("Commissioner")
        OBSERVER = "observer", _("Observer")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("representing"),
    )
    joined_on = models.DateField(_("joined on"), default=datetime.date.today)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "person": "personal: link to a person",
        "role": "personal: role in the partnership",
        "organisation": "not personal",
        "joined_on": "personal: membership history",
    }

    class Meta:
        ordering = ["person__full_name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "person"], name="membership_unique")
        ]

    def __str__(self):
        return f"{self.person} – {self.get_role_display()}, {self.partnership}"

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Invitation(models.Model):
    """A one-time link, sent by email, to join a partnership with a given role."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=20, choices=Membership.Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("representing"),
    )
    # Only a hash is kept: the link in the email is the sole copy of the token.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = {
        "partnership": "not personal",
        "email": "personal: contact; deleted 90 days after the invitation ends",
        "full_name": "personal: identity; deleted 90 days after the invitation ends",
        "role": "not personal",
        "organisation": "not personal",
        "token_hash": "secret: hash of the one-time token",
        "invited_by": "personal: link to a person",
        "created_at": "not personal",
        "expires_at": "not personal",
        "accepted_at": "not personal",
        "accepted_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Invitation for {self.email} to {self.partnership}"

    @property
    def is_pending(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class FocusIssue(models.Model):
    """The one issue a partnership tackles at one time, in its place."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        PAST = "past", _("Moved on")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="focus_issues"
    )
    title = models.CharField(_("focus issue"), max_length=300)
    summary = models.TextField(
        _("what the data and local people say"),
        blank=True,
        help_text=_("A few sentences on why this issue, here, now."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("moved on from it on"), null=True, blank=True)

    PERSONAL_DATA = dict.fromkeys(
        ("partnership", "title", "summary", "status", "started_on", "ended_on"), "not personal"
    )

    class Meta:
        ordering = ["-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership"],
                condition=Q(status="active"),
                name="focus_issue_one_active_per_partnership",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="focus_issue_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(status="active", ended_on__isnull=True) | Q(status="past"),
                name="focus_issue_active_has_no_end",
            ),
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class IntendedOutcome(models.Model):
    focus_issue = models.ForeignKey(FocusIssue, on_delete=models.CASCADE, related_name="outcomes")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.TextField(_("intended outcome"))

    PERSONAL_DATA = {"focus_issue": "not personal", "order": "not personal", "text": "not personal"}

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    def get_additional_data(self):
        return {"partnership_id": self.focus_issue.partnership_id}


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
