"""The blueprint's phases and steps (data, loaded from blueprint.py) and each partnership's progress."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actlocally.core.links import is_safe_link, link_domain
from actlocally.partnerships.models import Partnership


class Phase(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    title = models.CharField(max_length=100)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Step(models.Model):
    phase = models.ForeignKey(Phase, on_delete=models.CASCADE, related_name="steps")
    key = models.SlugField(
        unique=True, help_text="Stable name other apps use to tick this step from evidence."
    )
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    hint = models.TextField(blank=True)
    ticked_by = models.CharField(
        max_length=300,
        blank=True,
        help_text="What in the platform ticks this step by itself, if anything.",
    )

    class Meta:
        ordering = ["phase__number", "order"]

    def __str__(self):
        return self.title


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class StepProgress(models.Model):
    """Where one partnership stands on one step. No row means not started."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="journey_progress"
    )
    step = models.ForeignKey(Step, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOT_STARTED)
    on = models.DateField(_("date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    evidence_label = models.CharField(_("evidence"), max_length=300, blank=True)
    evidence_url = models.CharField(
        _("link to the evidence"),
        max_length=500,
        blank=True,
        help_text=_(
            "A page in Act Locally (starting with /) or on the web (starting with https://)."
        ),
    )
    # True when the platform ticked the step from evidence rather than a person from judgement.
    automatic = models.BooleanField(default=False)
    # Evidence the platform recorded on a step a person had already updated: kept beside their
    # note and evidence, never in place of them.
    platform_evidence_label = models.CharField(
        _("evidence recorded by the platform"), max_length=300, blank=True
    )
    platform_evidence_url = models.CharField(max_length=500, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "partnership": "not personal",
        "step": "not personal",
        "status": "not personal",
        "on": "not personal",
        "note": "not personal (staff are asked not to name people)",
        "evidence_label": "not personal",
        "evidence_url": "not personal",
        "automatic": "not personal",
        "platform_evidence_label": "not personal",
        "platform_evidence_url": "not personal",
        "updated_by": "personal: link to a person",
        "updated_at": "not personal",
    }

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "step"], name="step_progress_unique")
        ]

    def __str__(self):
        return f"{self.partnership}: {self.step} – {self.get_status_display()}"

    def get_additional_data(self):
        return {"partnership_id": self.partnership_id}

    @property
    def evidence_href(self) -> str:
        """The link to show: only a web address or a page here, whatever was stored before."""
        return self.evidence_url if is_safe_link(self.evidence_url) else ""

    @property
    def evidence_domain(self) -> str:
        """Shown after the link text, so a person sees where an outside link goes."""
        return link_domain(self.evidence_url)
