"""Personal API tokens: a person's key for scripts, kept only as a hash, scoped, expiring."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiToken(models.Model):
    """A personal API token. The token itself is shown once, when it is made; only its SHA-256
    hash is kept, with a short prefix so its owner can tell tokens apart. A token acts as its
    owner, with no more rights than they have on the pages, and never after it expires or is
    revoked."""

    class Scope(models.TextChoices):
        READ = "read", _("Read only")
        READ_WRITE = "read_write", _("Read and write")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What the token is for, so you can recognise it later."),
    )
    prefix = models.CharField(max_length=16, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    scope = models.CharField(_("access"), max_length=12, choices=Scope.choices)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    PERSONAL_DATA = {
        "person": "personal: link to a person; deleted with the account",
        "name": "not personal (what the token is for)",
        "prefix": "not personal: first characters of the token, to tell tokens apart",
        "key_hash": "secret: SHA-256 hash of the token only",
        "scope": "not personal",
        "created_at": "not personal",
        "expires_at": "not personal",
        "revoked_at": "not personal",
        "last_used_at": "personal: account activity; kept while the token is",
    }

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")),
                name="api_token_expires_after_it_is_made",
            ),
            models.CheckConstraint(
                condition=Q(scope__in=["read", "read_write"]), name="api_token_scope_is_known"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return not self.is_revoked and not self.is_expired

    @property
    def can_write(self) -> bool:
        return self.scope == self.Scope.READ_WRITE

    def get_additional_data(self):
        return {"person_id": self.person_id, "prefix": self.prefix}
