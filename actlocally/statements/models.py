"""A Statement of Intent per focus issue, its numbered versions (each a frozen-once-agreed document)
and the recommendations for commissioners, tracked beyond the document."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actlocally.organisations.models import Organisation
from actlocally.partnerships.models import DatePrecision, FocusIssue, Partnership, format_date


class Statement(models.Model):
    """The Statement of Intent of one focus issue: the problem locally, agreed actions, desired
    outcomes and recommendations for commissioners. Its content lives in its versions."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="statements"
    )
    focus_issue = models.OneToOneField(
        FocusIssue, on_delete=models.CASCADE, related_name="statement"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = dict.fromkeys(("partnership", "focus_issue", "created_at"), "not personal")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return _("Statement of Intent: %(issue)s") % {"issue": self.focus_issue}

    def get_absolute_url(self):
        return self.url("statement")

    def url(self, name: str, **kwargs) -> str:
        """The address of one of its pages: the current focus issue's Statement lives at
        /statement-of-intent/, an earlier one's under /statement-of-intent/focus-issues/<id>/."""
        if self.is_current:
            return reverse(name, kwargs={"slug": self.partnership.slug, **kwargs})
        return reverse(
            f"{name}_earlier",
            kwargs={"slug": self.partnership.slug, "focus_issue": self.focus_issue_id, **kwargs},
        )

    @property
    def is_current(self) -> bool:
        """Whether this is the Statement of the partnership's current focus issue."""
        return self.focus_issue.status == FocusIssue.Status.ACTIVE

    @property
    def versions_url(self) -> str:
        return self.url("statement_versions")

    @property
    def compare_url(self) -> str:
        return self.url("statement_compare")

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class StatementVersion(models.Model):
    """One numbered version of a Statement of Intent. Its `content` is a validated document
    (statements/document.py); once agreed, the row is frozen by the services and by a database
    trigger (migration 0002)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CIRCULATED = "circulated", _("Circulated")
        AGREED = "agreed", _("Agreed")

    # One colour per state wherever a version's state is shown, always with its word.
    TAG_CLASSES = {
        Status.DRAFT: "govuk-tag--light-blue",
        Status.CIRCULATED: "govuk-tag--purple",
        Status.AGREED: "govuk-tag--grey",
    }

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.DRAFT)
    content = models.JSONField(default=dict)
    # The embedded evidence's figures as they were when the version was agreed, by the item's
    # "key:reference" (statements/evidence.py): an agreed version shows these, never live ones.
    figures = models.JSONField(default=dict, blank=True)
    # Only agreed versions are built on, and they are never deleted alone (they go only with
    # their whole statement), so nothing needs to be set to null here.
    based_on = models.ForeignKey(
        "self", on_delete=models.DO_NOTHING, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    circulated_at = models.DateTimeField(null=True, blank=True)
    agreed_on = models.DateField(_("agreed on"), null=True, blank=True)
    agreed_on_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    agreed_by_whom = models.CharField(
        _("who agreed it"),
        max_length=300,
        blank=True,
        help_text=_("For example, the convening partnership at its meeting on 24 November 2023."),
    )
    recorded_at = models.DateTimeField(null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    PERSONAL_DATA = {
        "statement": "not personal",
        "number": "not personal",
        "status": "not personal",
        "content": "not personal (quotes are attributed by role and place, never by name)",
        "figures": "not personal (published figures, small numbers suppressed)",
        "based_on": "not personal",
        "created_at": "not personal",
        "created_by": "personal: link to a person",
        "updated_at": "not personal",
        "circulated_at": "not personal",
        "agreed_on": "not personal",
        "agreed_on_precision": "not personal",
        "agreed_by_whom": "not personal (a body, not a person)",
        "recorded_at": "not personal",
        "recorded_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["statement", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "number"], name="statement_version_number_unique"
            ),
            # A new draft starts only when the previous one has been agreed.
            models.UniqueConstraint(
                fields=["statement"],
                condition=~Q(status="agreed"),
                name="statement_one_open_version",
            ),
            models.CheckConstraint(
                condition=Q(number__gte=1), name="statement_version_number_positive"
            ),
            models.CheckConstraint(
                condition=~Q(status="agreed")
                | Q(agreed_on__isnull=False, recorded_at__isnull=False),
                name="statement_agreed_version_has_date",
            ),
        ]

    def __str__(self):
        return _("%(statement)s, version %(number)s") % {
            "statement": self.statement,
            "number": self.number,
        }

    def get_absolute_url(self):
        return self.statement.url("statement_version", number=self.number)

    @property
    def pdf_url(self) -> str:
        return self.statement.url("statement_pdf", number=self.number)

    @property
    def docx_url(self) -> str:
        return self.statement.url("statement_docx", number=self.number)

    @property
    def is_agreed(self) -> bool:
        return self.status == self.Status.AGREED

    @property
    def tag_class(self) -> str:
        return self.TAG_CLASSES[self.status]

    @property
    def date_label(self) -> str:
        if self.agreed_on:
            return format_date(self.agreed_on, self.agreed_on_precision)
        return format_date(self.updated_at.date(), DatePrecision.DAY)

    def get_additional_data(self):
        return {"partnership_id": self.statement.partnership_id}


class Recommendation(models.Model):
    """A recommendation for commissioners, followed from the agreed Statement of Intent to the
    commissioner's response. `key` is its reference in the document's versions."""

    class Status(models.TextChoices):
        NOT_SENT = "not_sent", _("Not sent yet")
        SENT = "sent", _("Sent")
        IN_DISCUSSION = "in_discussion", _("In discussion")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    # One colour per status, everywhere a recommendation's status is shown; the words go with it.
    TAG_CLASSES = {
        Status.NOT_SENT: "govuk-tag--grey",
        Status.SENT: "govuk-tag--blue",
        Status.IN_DISCUSSION: "govuk-tag--yellow",
        Status.ACCEPTED: "govuk-tag--green",
        Status.DECLINED: "govuk-tag--red",
    }
    RESPONSES = (Status.IN_DISCUSSION, Status.ACCEPTED, Status.DECLINED)

    statement = models.ForeignKey(
        Statement, on_delete=models.CASCADE, related_name="recommendations"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="recommendations"
    )
    key = models.CharField(_("reference"), max_length=20)
    text = models.TextField(_("recommendation"))
    commissioner = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="recommendations",
        verbose_name=_("to"),
    )
    is_illustrative = models.BooleanField(default=False)
    agreed_in = models.ForeignKey(
        StatementVersion, on_delete=models.RESTRICT, related_name="+", verbose_name=_("agreed in")
    )
    in_latest_agreed = models.BooleanField(
        default=True, help_text=_("False when a later agreed version dropped it.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_SENT
    )
    sent_on = models.DateField(_("sent on"), null=True, blank=True)
    response = models.TextField(_("response"), blank=True)
    responded_on = models.DateField(_("date of the response"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "statement": "not personal",
        "partnership": "not personal",
        "key": "not personal",
        "text": "not personal",
        "commissioner": "not personal",
        "is_illustrative": "not personal",
        "agreed_in": "not personal",
        "in_latest_agreed": "not personal",
        "status": "not personal",
        "sent_on": "not personal",
        "response": "not personal (an organisation's response)",
        "responded_on": "not personal",
        "updated_at": "not personal",
    }

    class Meta:
        ordering = ["statement", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["statement", "key"], name="recommendation_key_unique_in_statement"
            ),
            models.CheckConstraint(
                condition=Q(status="not_sent") | Q(sent_on__isnull=False),
                name="recommendation_sent_has_date",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["not_sent", "sent"]) | Q(responded_on__isnull=False),
                name="recommendation_response_has_date",
            ),
            models.CheckConstraint(
                condition=Q(responded_on__isnull=True) | Q(responded_on__gte=models.F("sent_on")),
                name="recommendation_response_after_sending",
            ),
        ]

    def __str__(self):
        return f"{self.key}: {self.text[:60]}"

    def get_absolute_url(self):
        return reverse("recommendation", kwargs={"slug": self.partnership.slug, "pk": self.pk})

    @property
    def tag_class(self) -> str:
        return self.TAG_CLASSES[self.status]

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}


class Comment(models.Model):
    """A member's comment on one section of a circulated version. It stays with that version
    (agreed or not) so anyone reading or comparing it sees what was asked and whether the
    co-ordinator has dealt with it."""

    SECTIONS = [
        ("introduction", _("The problem locally")),
        ("facts", _("What the data tells us")),
        ("quotes", _("Lived experience")),
        ("actions", _("Agreed actions")),
        ("outcomes", _("Desired outcomes")),
        ("recommendations", _("Recommendations for commissioners")),
    ]

    version = models.ForeignKey(StatementVersion, on_delete=models.CASCADE, related_name="comments")
    section = models.CharField(_("section"), max_length=20, choices=SECTIONS)
    text = models.TextField(_("comment"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    addressed_at = models.DateTimeField(null=True, blank=True)
    addressed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    PERSONAL_DATA = {
        "version": "not personal",
        "section": "not personal",
        "text": "personal: what a person wrote (shown with their name to the partnership)",
        "author": "personal: link to a person",
        "created_at": "not personal",
        "addressed_at": "not personal",
        "addressed_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["version", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(addressed_at__isnull=True)
                | Q(addressed_at__gte=models.F("created_at")),
                name="statement_comment_addressed_after_written",
            ),
        ]

    def __str__(self):
        return f"{self.get_section_display()}: {self.text[:60]}"

    def get_absolute_url(self):
        return f"{self.version.get_absolute_url()}#comment-{self.pk}"

    @property
    def is_addressed(self) -> bool:
        return self.addressed_at is not None

    def get_additional_data(self):
        return {"partnership_id": self.version.statement.partnership_id}
