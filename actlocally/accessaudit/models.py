"""One access event: a person viewed or exported personal data. Append-only (see triggers.py)."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actlocally.partnerships.models import Partnership


class Kind(models.TextChoices):
    """What was looked at, in the words a data guardian would use."""

    MEMBER_LIST = "member_list", _("Member list with contact details")
    PROFILE = "profile", _("A person's details")
    SYMPOSIUM_GUESTS = "symposium_guests", _("Symposium guest names")
    HISTORY = "history", _("History of changes")
    EXPORT = "export", _("Export")
    ACCESS_AUDIT = "access_audit", _("Access audit")
    # Statistics from linked records: an output being checked, or released.
    LINKED_OUTPUT = "linked_output", _("Statistics from linked records (output checking)")
    # Agencies' records loaded into, or linked in, a connected-data project.
    LINKED_RECORDS = "linked_records", _("Agencies' records loaded or linked (connected data)")


class AccessEvent(models.Model):
    """Someone saw or exported personal data. The database refuses every UPDATE and DELETE except
    pseudonymising an erased person and purging entries past the retention period."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # PROTECT: a person with entries is erased by `services.pseudonymise_person` first, so the
    # entries keep a pseudonym instead of vanishing with the account.
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="access_events",
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=64, blank=True)
    kind = models.CharField(_("what"), max_length=32, choices=Kind.choices)
    object_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    object_label = models.CharField(_("record"), max_length=200, blank=True)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="access_events",
    )
    request_id = models.CharField(_("request id"), max_length=64, blank=True)
    reason = models.TextField(_("reason given"), blank=True)

    PERSONAL_DATA = {
        "at": "personal: when the person looked; kept for the retention period (2 years)",
        "person": "personal: who looked; replaced by the pseudonym when they are erased",
        "pseudonym": "pseudonymous: stands for an erased person; kept for the retention period",
        "kind": "not personal: what kind of record",
        "object_type": "not personal: the kind of record",
        "object_id": "personal where the record is a person: pseudonymised on their erasure",
        "object_label": "personal where the record is a person: rewritten on their erasure",
        "partnership": "not personal",
        "request_id": "not personal: links the entry to the request's log lines",
        "reason": "personal: what the person wrote; kept for the retention period",
    }

    class Meta:
        verbose_name = _("access event")
        verbose_name_plural = _("access events")
        ordering = ["-at", "-pk"]
        # Nobody changes or deletes entries through Django: no add/change/delete permissions.
        default_permissions = ()
        indexes = [
            models.Index(fields=["person", "-at"], name="accessaudit_person_at"),
            models.Index(fields=["partnership", "-at"], name="accessaudit_partnership_at"),
            models.Index(fields=["kind", "-at"], name="accessaudit_kind_at"),
        ]

    def __str__(self):
        return f"{self.who} · {self.get_kind_display()} · {self.at:%Y-%m-%d %H:%M}"

    @property
    def who(self) -> str:
        if self.person_id:
            return self.person.display_name
        return self.pseudonym or str(_("Unknown"))
