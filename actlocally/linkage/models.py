"""A linkage project (an approved purpose for connected data) and the people named on it.

Record-level data never lives in these tables: each project's extracts, identifier store and
linked tables are in its own DuckDB file (docs/adr/0025-linkage-record-level-data.md).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LinkageProject(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    partnership = models.ForeignKey(
        "partnerships.Partnership",
        on_delete=models.PROTECT,
        related_name="linkage_projects",
        verbose_name=_("partnership the research serves"),
    )
    title = models.CharField(_("title"), max_length=200)
    purpose = models.TextField(_("approved purpose"))
    data_sharing_basis = models.TextField(
        _("data-sharing basis"),
        help_text=_("The agreement and lawful basis under which the agencies share the data."),
    )
    end_date = models.DateField(_("end date"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created = models.DateTimeField(auto_now_add=True)
    modified = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "partnership",
                "title",
                "purpose",
                "data_sharing_basis",
                "end_date",
                "status",
                "created",
                "modified",
            ),
            "not personal",
        ),
        "created_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("linkage project")

    def __str__(self):
        return self.title


class ProjectMember(models.Model):
    """A person named on a project: an analyst reaches its pseudonymised data; a checker sees
    only the outputs submitted to them."""

    class Role(models.TextChoices):
        ANALYST = "analyst", _("Analyst")
        CHECKER = "checker", _("Output checker")

    project = models.ForeignKey(LinkageProject, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="linkage_roles"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    created = models.DateTimeField(auto_now_add=True)

    PERSONAL_DATA = {
        "project": "not personal",
        "user": "personal: link to a person",
        "role": "personal: their role on the project",
        "created": "not personal",
    }

    class Meta:
        ordering = ["project", "role", "pk"]
        verbose_name = _("project member")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "user", "role"], name="linkage_member_once_per_role"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.get_role_display()})"


class Extract(models.Model):
    """That an agency's extract was loaded into a project (its rows are in the project's DuckDB
    store, pseudonymised; this row holds only the count)."""

    project = models.ForeignKey(LinkageProject, on_delete=models.CASCADE, related_name="extracts")
    dataset = models.CharField(_("dataset"), max_length=40)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    loaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    loaded_at = models.DateTimeField(auto_now=True)

    PERSONAL_DATA = {
        "project": "not personal",
        "dataset": "not personal",
        "rows": "not personal (a count); the records are in the project's DuckDB store, "
        "identifiers only until linkage (ADR 0025)",
        "loaded_by": "personal: link to a person",
        "loaded_at": "not personal",
    }

    class Meta:
        ordering = ["project", "dataset"]
        verbose_name = _("extract")
        constraints = [
            models.UniqueConstraint(fields=["project", "dataset"], name="linkage_extract_once")
        ]

    def __str__(self):
        return f"{self.dataset} ({self.rows})"


class LinkageRun(models.Model):
    """One run of the linkage: its model's weights and its quality, all aggregate."""

    class Status(models.TextChoices):
        RUNNING = "running", _("In progress")
        DONE = "done", _("Linked")
        FAILED = "failed", _("Failed")

    project = models.ForeignKey(LinkageProject, on_delete=models.CASCADE, related_name="runs")
    job = models.ForeignKey("jobs.Job", on_delete=models.SET_NULL, null=True, blank=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    threshold = models.FloatField(_("match probability threshold"))
    records = models.PositiveIntegerField(default=0)
    people = models.PositiveIntegerField(default=0)
    pairs_scored = models.PositiveBigIntegerField(default=0)
    precision = models.FloatField(null=True, blank=True)
    recall = models.FloatField(null=True, blank=True)
    f1 = models.FloatField(null=True, blank=True)
    # {name group: [records that should link, linked, rate %]}
    match_rate = models.JSONField(default=dict, blank=True)
    # [{"comparison", "level", "weight"}] and [[lower edge of match weight, pairs]]
    weights = models.JSONField(default=list, blank=True)
    histogram = models.JSONField(default=list, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    identifiers_purged_at = models.DateTimeField(null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        **dict.fromkeys(
            (
                "project",
                "job",
                "status",
                "threshold",
                "records",
                "people",
                "pairs_scored",
                "precision",
                "recall",
                "f1",
                "match_rate",
                "weights",
                "histogram",
                "seconds",
                "identifiers_purged_at",
                "created",
                "finished_at",
            ),
            "not personal (aggregates of pseudonymised records)",
        ),
        "started_by": "personal: link to a person",
    }

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("linkage run")

    def __str__(self):
        return f"{self.project} – {self.created:%Y-%m-%d %H:%M}"

    @property
    def match_rate_gap(self) -> float | None:
        rates = [v[2] for v in self.match_rate.values()]
        return round(max(rates) - min(rates), 2) if rates else None
