"""A person who uses Act Locally, signing in with their email address."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email, password=None, **extra):
        if not email:
            raise ValueError("A person needs an email address to sign in.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person. Personal data: name, email and job title; erased on request (see PERSONAL_DATA)."""

    email = models.EmailField(_("email address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    is_staff = models.BooleanField(
        _("site staff"),
        default=False,
        help_text=_("Site staff see every partnership and can use the site admin."),
    )
    # A site-level responsibility (docs/adr/0015-access-audit.md): reads the record of who saw
    # whose personal data. Site staff do not hold it by being staff.
    is_data_guardian = models.BooleanField(
        _("data guardian"),
        default=False,
        help_text=_(
            "Data guardians read, search and export the record of who viewed or exported "
            "personal data."
        ),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Raised by "sign out everywhere": a session made under an older number has ended
    # (actlocally/accounts/sessions.py).
    session_generation = models.PositiveIntegerField(_("session generation"), default=0)

    # What each field holds, for subject access requests and erasure (UK GDPR).
    PERSONAL_DATA = {
        "email": "personal: contact; kept while the account exists",
        "full_name": "personal: identity; kept while the account exists",
        "job_title": "personal: role at work; kept while the account exists",
        "password": "secret: Argon2 hash only",
        "is_staff": "not personal: access level",
        "is_superuser": "not personal: access level",
        "is_data_guardian": "not personal: access level",
        "is_active": "not personal: account state",
        "date_joined": "personal: account history; kept while the account exists",
        "last_login": "personal: account history; kept while the account exists",
        "session_generation": "not personal: sign-in state",
    }

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_case_insensitive"),
        ]

    def __str__(self):
        return self.full_name or self.email

    @property
    def display_name(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email
