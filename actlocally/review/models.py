"""Review & Learn and Share & Refine: capability reviews, case studies, feedback, lessons learned
and the yearly impact report of a partnership."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.participation.models import NAME_LIMIT
from actlocally.partnerships.models import IntendedOutcome, LocalAuthority, Partnership

ACADEMIC_YEAR = re.compile(r"^(\d{4})/(\d{2})$")


def validate_academic_year(value: str) -> None:
    """An academic year as schools write it: 2023/24, the second year following the first."""
    match = ACADEMIC_YEAR.match(value or "")
    if not match or (int(match[1]) + 1) % 100 != int(match[2]):
        raise ValidationError(_("Enter an academic year like 2023/24."), code="academic_year")


def year_slug(year: str) -> str:
    """2023/24 as it appears in a URL: 2023-24."""
    return year.replace("/", "-")


def year_from_slug(slug: str) -> str | None:
    year = (slug or "").replace("-", "/")
    try:
        validate_academic_year(year)
    except ValidationError:
        return None
    return year


class Rag(models.TextChoices):
    RED = "red", _("Red: not in place")
    AMBER = "amber", _("Amber: partly in place")
    GREEN = "green", _("Green: in place")


RAG_WORDS = {Rag.RED: _("Red"), Rag.AMBER: _("Amber"), Rag.GREEN: _("Green")}
RAG_TAG = {Rag.RED: "govuk-tag--red", Rag.AMBER: "govuk-tag--orange", Rag.GREEN: "govuk-tag--green"}


def academic_year_field(**kwargs):
    return models.CharField(
        _("academic year"),
        max_length=7,
        validators=[validate_academic_year],
        help_text=_("For example, 2023/24."),
        **kwargs,
    )


class EvaluationArea(models.Model):
    """One of the self-evaluation areas a local authority's partnerships rate themselves on."""

    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="evaluation_areas"
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("what good looks like"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    PERSONAL_DATA = dict.fromkeys(
        ("local_authority", "name", "description", "order"), "not personal"
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["local_authority", "name"], name="evaluation_area_unique_name"
            )
        ]

    def __str__(self):
        return self.name


class CapabilityReview(models.Model):
    """A partnership rating itself on each evaluation area: members rate, the co-ordinator agrees."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open for ratings")
        AGREED = "agreed", _("Agreed")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="capability_reviews"
    )
    academic_year = academic_year_field()
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    opened_on = models.DateField(_("opened on"))
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    illustrative = models.BooleanField(default=False)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("partnership", "academic_year", "status", "opened_on", "agreed_on", "illustrative"),
            "not personal",
        ),
        "opened_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["academic_year", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "academic_year"], name="capability_review_one_per_year"
            ),
            models.CheckConstraint(
                condition=Q(status="open", agreed_on__isnull=True)
                | Q(status="agreed", agreed_on__isnull=False),
                name="capability_review_agreed_has_date",
            ),
        ]

    def __str__(self):
        return _("Capability analysis %(year)s") % {"year": self.academic_year}

    def get_absolute_url(self):
        return reverse("review_capability", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class MemberRating(models.Model):
    """One member's rating of one area in one review, with why."""

    review = models.ForeignKey(CapabilityReview, on_delete=models.CASCADE, related_name="ratings")
    area = models.ForeignKey(EvaluationArea, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("rating"), max_length=5, choices=Rag.choices)
    comment = models.TextField(_("why"), blank=True)

    PERSONAL_DATA = {
        "review": "not personal",
        "area": "not personal",
        "person": "personal: who gave the rating; kept with the review",
        "rating": "not personal",
        "comment": "personal: the member's own words; kept with the review",
    }

    class Meta:
        ordering = ["area__order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "area", "person"], name="member_rating_once_per_area"
            ),
            models.CheckConstraint(condition=Q(rating__in=Rag.values), name="member_rating_is_rag"),
        ]

    def __str__(self):
        return f"{self.area}: {self.get_rating_display()}"


class AgreedRating(models.Model):
    """The partnership's rating of one area, agreed by the co-ordinator, with the reason."""

    review = models.ForeignKey(CapabilityReview, on_delete=models.CASCADE, related_name="agreed")
    area = models.ForeignKey(EvaluationArea, on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("agreed rating"), max_length=5, choices=Rag.choices)
    reason = models.TextField(_("reason"))

    PERSONAL_DATA = dict.fromkeys(("review", "area", "rating", "reason"), "not personal")

    class Meta:
        ordering = ["area__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["review", "area"], name="agreed_rating_once_per_area"),
            models.CheckConstraint(condition=Q(rating__in=Rag.values), name="agreed_rating_is_rag"),
        ]

    def __str__(self):
        return f"{self.area}: {self.get_rating_display()}"

    def get_additional_data(self):
        return {"partnership_id": self.review.partnership_id}


class CaseStudy(models.Model):
    """A story of change, with the consent of the person it is about."""

    class ConsentHow(models.TextChoices):
        WRITTEN = "written", _("In writing (a signed form)")
        EMAIL = "email", _("By email")
        VERBAL = "verbal", _("Spoken, and noted at the time")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="case_studies"
    )
    academic_year = academic_year_field()
    title = models.CharField(_("title"), max_length=200)
    story = models.TextField(
        _("the story"), help_text=_("Do not name children or families: use a role, like a parent.")
    )
    outcome = models.ForeignKey(
        IntendedOutcome,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("intended outcome it evidences"),
    )
    consent_by = models.CharField(
        _("who gave consent"),
        max_length=120,
        blank=True,
        help_text=_("Their role, for example “the parent” or “the head teacher”."),
    )
    consent_on = models.DateField(_("when consent was given"), null=True, blank=True)
    consent_how = models.CharField(
        _("how consent was given"), max_length=10, choices=ConsentHow.choices, blank=True
    )
    publishable = models.BooleanField(
        _("may be published"),
        default=False,
        help_text=_("Shown on public pages and in published reports. Needs consent recorded."),
    )
    illustrative = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("partnership", "academic_year", "title", "outcome", "publishable", "illustrative"),
            "not personal",
        ),
        "story": "not personal (writers are asked not to name children or families)",
        "consent_by": "personal: the role (not the name) of who consented; kept with the story",
        "consent_on": "not personal",
        "consent_how": "not personal",
        "created_by": "personal: link to a person",
        "created_at": "not personal",
    }

    class Meta:
        ordering = ["-academic_year", "title", "pk"]
        verbose_name_plural = _("case studies")
        constraints = [
            # Only a story with its consent recorded in full may be published.
            models.CheckConstraint(
                condition=Q(publishable=False)
                | (~Q(consent_by="") & Q(consent_on__isnull=False) & ~Q(consent_how="")),
                name="case_study_published_has_consent",
                violation_error_message=_(
                    "Record who gave consent, when and how before publishing it."
                ),
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("review_case_study", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    @property
    def has_consent(self) -> bool:
        return bool(self.consent_by and self.consent_on and self.consent_how)

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class FeedbackLink(models.Model):
    """A secret link that lets a commissioner or budget recipient give feedback without an
    account. Only the hash of its token is kept; the link is shown once, when it is made."""

    class Audience(models.TextChoices):
        COMMISSIONER = "commissioner", _("Commissioners")
        BUDGET_RECIPIENT = "budget_recipient", _("Community budget recipients")
        BENEFICIARY = "beneficiary", _("Beneficiaries")

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="feedback_links"
    )
    audience = models.CharField(_("who it is for"), max_length=20, choices=Audience.choices)
    question = models.CharField(
        _("what you are asking about"),
        max_length=200,
        help_text=_("For example, the commissioners' session in October."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    expires_at = models.DateTimeField(_("works until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            ("partnership", "audience", "question", "expires_at", "created_at"), "not personal"
        ),
        "token_hash": "secret: hash of the link's token",
        "created_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.question

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


FEEDBACK_KEEP_NAMES_DAYS = 365


class FeedbackResponse(models.Model):
    """One answer through a feedback link. A name is optional and erased after a year."""

    link = models.ForeignKey(FeedbackLink, on_delete=models.CASCADE, related_name="responses")
    what_worked = models.TextField(_("what worked well"))
    could_be_better = models.TextField(_("what could have worked better"), blank=True)
    name = models.CharField(_("your name (optional)"), max_length=NAME_LIMIT, blank=True)
    consent_notice = models.CharField(max_length=40, editable=False)
    consented_at = models.DateTimeField(editable=False)
    submitted_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "link": "not personal",
        "what_worked": "personal if it names someone: shown only to those who run the partnership",
        "could_be_better": "personal if it names someone: as what_worked",
        "name": f"personal: optional; erased {FEEDBACK_KEEP_NAMES_DAYS} days after it was given",
        "consent_notice": "not personal: which privacy notice they agreed to",
        "consented_at": "not personal",
        "submitted_at": "not personal",
    }

    class Meta:
        ordering = ["-submitted_at", "pk"]

    def __str__(self):
        return self.what_worked[:60]


class Lesson(models.Model):
    """A lesson learned: what worked well and what could have worked better."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="lessons")
    academic_year = academic_year_field()
    title = models.CharField(_("lesson"), max_length=200)
    what_worked = models.TextField(_("what worked well"), blank=True)
    could_be_better = models.TextField(_("what could have worked better"), blank=True)
    shared_with_board = models.BooleanField(
        _("share with the strategic board"),
        default=False,
        help_text=_("Board members read lessons shared with them."),
    )
    recorded_on = models.DateField(_("recorded on"))
    illustrative = models.BooleanField(default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "partnership",
                "academic_year",
                "title",
                "what_worked",
                "could_be_better",
                "shared_with_board",
                "recorded_on",
                "illustrative",
            ),
            "not personal",
        ),
        "created_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-academic_year", "-recorded_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(what_worked="") | ~Q(could_be_better=""),
                name="lesson_says_something",
            )
        ]

    def __str__(self):
        return self.title

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class ImpactReport(models.Model):
    """A partnership's report on one academic year. Its content is read live from the evidence;
    the row holds the year, the introduction and whether it is published."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="impact_reports"
    )
    academic_year = academic_year_field()
    introduction = models.TextField(_("introduction"), blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    illustrative = models.BooleanField(default=False)

    PERSONAL_DATA = dict.fromkeys(
        ("partnership", "academic_year", "introduction", "published_on", "illustrative"),
        "not personal",
    )

    class Meta:
        ordering = ["-academic_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "academic_year"], name="impact_report_one_per_year"
            )
        ]

    def __str__(self):
        return _("Impact report %(year)s") % {"year": self.academic_year}

    def get_absolute_url(self):
        return reverse(
            "review_report", kwargs={"slug": self.partnership.slug, "year": self.year_slug}
        )

    @property
    def year_slug(self) -> str:
        return year_slug(self.academic_year)

    def get_public_url(self):
        return reverse(
            "area_impact_report", kwargs={"slug": self.partnership.slug, "year": self.year_slug}
        )

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}
