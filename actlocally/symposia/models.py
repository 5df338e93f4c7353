"""Learning symposia: who is invited, what attendees contribute, the ranking and agreed priorities."""

import datetime

from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.participation.models import AccessCode, GuestBase
from actlocally.partnerships.models import FocusIssue, Partnership

# How long each free-text answer may be: enough to say it, short enough to read on a phone.
TITLE_LIMIT = 200
PURPOSE_LIMIT = 2000
CONTRIBUTION_LIMIT = 1000
DESCRIPTION_LIMIT = 1000
REASON_LIMIT = 1000


class InviteeGroup(models.TextChoices):
    """The groups of people the blueprint says a symposium brings together."""

    SCHOOLS = "schools", _("Schools")
    HEALTH = "health", _("Health")
    CARE = "care", _("Social care and early help")
    POLICE = "police", _("Police")
    COUNCIL = "council", _("Council services")
    PARENTS = "parents", _("Parents and carers")
    YOUNG_PEOPLE = "young_people", _("Young people")
    COMMUNITY = "community", _("Community and voluntary groups")


class Symposium(models.Model):
    """A learning symposium in the partnership's area (blueprint phase 2, Plan & Prioritise)."""

    class Stage(models.TextChoices):
        COLLECTING = "collecting", _("Collecting contributions")
        RANKING = "ranking", _("Ranking open")
        COUNTED = "counted", _("Ranking closed")
        AGREED = "agreed", _("Priorities agreed")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="symposia")
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    starts_at = models.DateTimeField(_("date and time"))
    venue = models.CharField(_("venue"), max_length=300)
    purpose = models.TextField(
        _("purpose"),
        blank=True,
        max_length=PURPOSE_LIMIT,
        validators=[MaxLengthValidator(PURPOSE_LIMIT)],
        help_text=_("What the symposium is for, as you would say it in the invitation."),
    )
    invited_groups = models.JSONField(_("invited groups"), default=list, blank=True)
    invited_people = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("invited members")
    )
    invited_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="+", verbose_name=_("invited organisations")
    )
    stage = models.CharField(max_length=12, choices=Stage.choices, default=Stage.COLLECTING)
    held_on = models.DateField(_("held on"), null=True, blank=True)
    ranking_opened_at = models.DateTimeField(null=True, blank=True)
    ranking_closed_at = models.DateTimeField(null=True, blank=True)
    agreed_at = models.DateTimeField(null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agreement_reason = models.TextField(
        _("reason"),
        blank=True,
        max_length=REASON_LIMIT,
        validators=[MaxLengthValidator(REASON_LIMIT)],
    )
    # Demo symposia carry made-up contributions and ballots; their pages say so.
    is_illustrative = models.BooleanField(default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "title": "not personal",
        "starts_at": "not personal",
        "venue": "not personal",
        "purpose": "not personal",
        "invited_groups": "not personal",
        "invited_people": "personal: links to the people invited; kept with the symposium",
        "invited_organisations": "not personal",
        "stage": "not personal",
        "held_on": "not personal",
        "ranking_opened_at": "not personal",
        "ranking_closed_at": "not personal",
        "agreed_at": "not personal",
        "agreed_by": "personal: link to a person",
        "agreement_reason": "not personal",
        "is_illustrative": "not personal",
        "created_by": "personal: link to a person",
        "created_at": "not personal",
    }

    class Meta:
        ordering = ["-starts_at"]
        verbose_name_plural = _("symposia")
        constraints = [
            models.CheckConstraint(
                condition=Q(stage__in=["collecting", "ranking", "counted", "agreed"]),
                name="symposium_stage_known",
            ),
            models.CheckConstraint(
                condition=Q(ranking_closed_at__isnull=True)
                | Q(ranking_closed_at__gte=F("ranking_opened_at")),
                name="symposium_ranking_closes_after_it_opens",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("symposium", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    @property
    def event_day_ends_at(self) -> datetime.datetime:
        """The end of the symposium's day, local time: when join codes expire by default."""
        day = timezone.localtime(self.starts_at).date()
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))

    @property
    def has_something_for_guests(self) -> bool:
        """Guests can still contribute or rank; after ranking closes they have nothing to do."""
        return self.stage in (self.Stage.COLLECTING, self.Stage.RANKING)

    @property
    def is_held(self) -> bool:
        return self.held_on is not None or self.starts_at <= timezone.now()

    def get_invited_groups_display(self) -> list[str]:
        labels = dict(InviteeGroup.choices)
        return [str(labels.get(g, g)) for g in self.invited_groups]


class JoinCode(AccessCode):
    """A short code shown at the event, letting people take part from a phone without an account."""

    symposium = models.ForeignKey(Symposium, on_delete=models.CASCADE, related_name="join_codes")

    PERSONAL_DATA = {"symposium": "not personal", **AccessCode.PERSONAL_DATA}

    class Meta(AccessCode.Meta):
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gte=F("created_at")),
                name="join_code_expires_after_creation",
            )
        ]

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}


class GuestRole(models.TextChoices):
    PARENT = "parent", _("Parent or carer")
    YOUNG_PERSON = "young_person", _("Young person")
    SCHOOL = "school", _("School or early years")
    HEALTH = "health", _("Health")
    CARE = "care", _("Social care or early help")
    POLICE = "police", _("Police")
    COUNCIL = "council", _("Council")
    COMMUNITY = "community", _("Community or voluntary group")
    RESIDENT = "resident", _("Local resident")
    OTHER = "other", _("Something else")


class Guest(GuestBase):
    """Someone taking part through a join code on their own device, without an account."""

    symposium = models.ForeignKey(Symposium, on_delete=models.CASCADE, related_name="guests")
    join_code = models.ForeignKey(
        JoinCode, on_delete=models.SET_NULL, null=True, related_name="guests"
    )
    role_type = models.CharField(_("taking part as"), max_length=20, choices=GuestRole.choices)

    PERSONAL_DATA = {
        **GuestBase.PERSONAL_DATA,
        "symposium": "not personal",
        "join_code": "not personal",
        "display_name": (
            "personal: optional name the guest typed; erased 30 days after the symposium "
            "(the daily job, or manage.py forget_symposium_guests)"
        ),
        "role_type": "personal: a broad role type only; kept with the contributions",
    }

    class Meta(GuestBase.Meta):
        pass

    def __str__(self):
        return self.display_name or str(self.get_role_type_display())

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}


class Contribution(models.Model):
    """One thing an attendee says: a challenge, who to work through, a barrier or a need."""

    class Kind(models.TextChoices):
        CHALLENGE = "challenge", _("Challenge facing children here")
        PEOPLE_PLACES = (
            "people_places",
            _("People, places, projects or organisations to work through"),
        )
        BARRIER = "barrier", _("Barrier to change")
        PERMISSION = "permission", _("Permission or resource needed")

    symposium = models.ForeignKey(Symposium, on_delete=models.CASCADE, related_name="contributions")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # A TextField's max_length only sizes its form field; the validator makes full_clean refuse.
    text = models.TextField(
        _("contribution"),
        max_length=CONTRIBUTION_LIMIT,
        validators=[MaxLengthValidator(CONTRIBUTION_LIMIT)],
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    guest = models.ForeignKey(
        Guest, on_delete=models.SET_NULL, null=True, blank=True, related_name="contributions"
    )
    candidate = models.ForeignKey(
        "Candidate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="challenges",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "symposium": "not personal",
        "kind": "not personal",
        "text": (
            "possibly personal: free text; the co-ordinator can remove a contribution; "
            "kept with the symposium"
        ),
        "member": "personal: link to the member who wrote it; never shown beside it",
        "guest": "personal: link to the guest who wrote it; never shown beside it",
        "candidate": "not personal",
        "created_at": "not personal",
    }

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(member__isnull=True) | Q(guest__isnull=True),
                name="contribution_from_member_or_guest",
            ),
            models.CheckConstraint(
                condition=Q(candidate__isnull=True) | Q(kind="challenge"),
                name="contribution_only_challenges_merge",
            ),
        ]

    def __str__(self):
        return self.text[:80]

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}


class Candidate(models.Model):
    """A candidate priority: one or more challenges merged under one title, for ranking."""

    symposium = models.ForeignKey(Symposium, on_delete=models.CASCADE, related_name="candidates")
    title = models.CharField(_("title"), max_length=TITLE_LIMIT)
    description = models.TextField(
        _("description"),
        blank=True,
        max_length=DESCRIPTION_LIMIT,
        validators=[MaxLengthValidator(DESCRIPTION_LIMIT)],
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = dict.fromkeys(
        ("symposium", "title", "description", "created_at"), "not personal"
    )

    class Meta:
        ordering = ["title", "pk"]
        constraints = [
            models.UniqueConstraint(
                F("symposium"), Lower("title"), name="candidate_title_unique_in_symposium"
            )
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}


class Ballot(models.Model):
    """One attendee's ranking. A member casts one per symposium; a guest device one."""

    symposium = models.ForeignKey(Symposium, on_delete=models.CASCADE, related_name="ballots")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    guest = models.OneToOneField(
        Guest, on_delete=models.SET_NULL, null=True, blank=True, related_name="ballot"
    )
    cast_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "symposium": "not personal",
        "member": (
            "personal: link to the member, kept only to refuse a second ballot; "
            "no page shows how a person ranked"
        ),
        "guest": "personal: link to the guest device, kept only to refuse a second ballot",
        "cast_at": "not personal",
    }

    class Meta:
        ordering = ["cast_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["symposium", "member"],
                condition=Q(member__isnull=False),
                name="ballot_one_per_member",
            ),
            models.CheckConstraint(
                condition=Q(member__isnull=True) | Q(guest__isnull=True),
                name="ballot_from_member_or_guest",
            ),
        ]

    def __str__(self):
        return f"Ballot {self.pk}"

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}


class Preference(models.Model):
    """A place on a ballot: 1 is the most urgent."""

    ballot = models.ForeignKey(Ballot, on_delete=models.CASCADE, related_name="preferences")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="+")
    place = models.PositiveSmallIntegerField()

    PERSONAL_DATA = dict.fromkeys(("ballot", "candidate", "place"), "not personal")

    class Meta:
        ordering = ["ballot", "place"]
        constraints = [
            models.UniqueConstraint(fields=["ballot", "candidate"], name="preference_once"),
            models.UniqueConstraint(fields=["ballot", "place"], name="preference_place_once"),
            models.CheckConstraint(condition=Q(place__gte=1), name="preference_place_positive"),
        ]

    def __str__(self):
        return f"{self.place}: {self.candidate_id}"


class AgreedPriority(models.Model):
    """One of the (up to) three focus priorities the partnership agreed, ranked by urgency."""

    symposium = models.ForeignKey(
        Symposium, on_delete=models.CASCADE, related_name="agreed_priorities"
    )
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="+")
    urgency = models.PositiveSmallIntegerField(_("urgency"))
    title = models.CharField(_("priority"), max_length=200)
    result_position = models.PositiveSmallIntegerField(null=True, blank=True)
    focus_issue = models.ForeignKey(
        FocusIssue, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = dict.fromkeys(
        ("symposium", "candidate", "urgency", "title", "result_position", "focus_issue"),
        "not personal",
    )

    class Meta:
        ordering = ["symposium", "urgency"]
        verbose_name_plural = _("agreed priorities")
        constraints = [
            models.UniqueConstraint(
                fields=["symposium", "urgency"], name="agreed_priority_urgency"
            ),
            models.UniqueConstraint(
                fields=["symposium", "candidate"], name="agreed_priority_candidate"
            ),
            models.CheckConstraint(
                condition=Q(urgency__gte=1, urgency__lte=3), name="agreed_priority_one_to_three"
            ),
        ]

    def __str__(self):
        return f"{self.urgency}. {self.title}"

    def get_additional_data(self):
        return {"partnership_id": self.symposium.partnership_id}
