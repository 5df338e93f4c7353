"""Settings for Act Locally, all from environment variables with safe defaults for local use."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.utils.translation import gettext_lazy as _

from actlocally.security_settings import security_settings

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("ACTLOCALLY_VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Security: secret key, hosts and HTTPS, failing closed outside debug, demo and test mode
# (see actlocally/security_settings.py and .env.example). DEBUG, DEMO_MODE, SECRET_KEY,
# ALLOWED_HOSTS, SECURE_*, *_COOKIE_SECURE and ALLAUTH_TRUSTED_PROXY_COUNT come from here.
_security = security_settings(os.environ)
globals().update(_security)

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # Several writers (a server and a seeder) on one file: wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "rules",
    "auditlog",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Platform (issue 9): background tasks (Django's tasks API backport) stored in the database.
    "django_tasks",
    "django_tasks_db",
    # Act Locally: one app per noun of the blueprint.
    "actlocally.core",
    "actlocally.authorization",
    "actlocally.accounts",
    "actlocally.organisations",
    "actlocally.partnerships",
    "actlocally.journey",
    "actlocally.theory",
    "actlocally.actions",
    "actlocally.meetings",
    "actlocally.statements",
    "actlocally.symposia",
    "actlocally.places",
    "actlocally.measurement",
    "actlocally.hubs",
    # Issue 14: the append-only record of who viewed or exported personal data.
    "actlocally.accessaudit",
    "actlocally.review",
    "actlocally.grants",
    "actlocally.board",
    "actlocally.pages",
    "actlocally.search",
    # Platform (issue 9): background jobs with progress pages, and notifications.
    "actlocally.jobs",
    "actlocally.notifications",
    "actlocally.demo",
    "actlocally.api",
    "actlocally.operations",
    # Issue 14: subject access, erasure and the retention schedule.
    "actlocally.privacy",
    # Issue 13: connected data (linkage projects; record-level data in per-project DuckDB).
    "actlocally.linkage",
    # Issue 13: output checking and the two-checker release of statistics from linked data.
    "actlocally.outputs",
]

MIDDLEWARE = [
    # Platform (issue 9): every log line of a request carries its request id.
    "actlocally.core.logging.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Issue 14: the Content-Security-Policy header (CONTENT_SECURITY_POLICY below), and where
    # its reports go (outside it, so that it sees the policy on the way out).
    "actlocally.core.csp.ReportingEndpointsMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "actlocally.core.middleware.RefuseNulInQueryMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "actlocally.core.middleware.NoStoreWhenSignedInMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Issue 14: idle timeout, absolute lifetime and "sign out everywhere" (after messages: an
    # ended session says why on the sign-in page).
    "actlocally.accounts.sessions.SessionLimitsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "actlocally.accounts.mfa.RequireMfaMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "actlocally.urls"
WSGI_APPLICATION = "actlocally.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "actlocally" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "actlocally.core.context_processors.site",
                "actlocally.notifications.context_processors.unread",
                "actlocally.accounts.mfa.mfa_context",
                # CSP_NONCE: the one inline script (GOV.UK Frontend's js-enabled class).
                "csp.context_processors.nonce",
            ],
            "builtins": [
                "django.templatetags.i18n",
                # {% term "LSOA" %} and {% terms %}: glossary hints on any page.
                "actlocally.pages.templatetags.glossary",
            ],
        },
    }
]
# Forms render through GOV.UK templates (actlocally/core/templates/govuk/forms/).
FORM_RENDERER = "actlocally.core.forms.GovUKFormRenderer"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        # A password like the person's name or email ("petermarsh1" for Peter Marsh) is refused;
        # Django compares each word of the name as well as the whole.
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ["full_name", "email"]},
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# django-allauth: people sign in with their email address; sign-up only through an invitation.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACTLOCALLY_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SIGNUP_FORM_CLASS = "actlocally.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "actlocally.accounts.adapter.AccountAdapter"
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The sign-in form asks whether to stay signed in on this device; privileged people never are
# (actlocally/accounts/sessions.py ends their session when the browser closes).
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_FORMS = {"login": "actlocally.accounts.login_form.LoginForm"}
ACCOUNT_RATE_LIMITS = {
    # Wrong passwords: tight per account (the email typed), generous per address, so one
    # person's mistakes never lock out a whole school or council office behind one address.
    "login_failed": "100/15m/ip,5/5m/key",
    "login": "60/m/ip",
    "reset_password": "5/h/ip,3/h/key",
    "confirm_email": "3/h/key",
    # Not allauth's: the feedback form (actlocally/pages) counts posts through allauth's limiter.
    "feedback": "10/h/ip",
}
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Act Locally] "
# MFA (issue 14): an authenticator app (TOTP) and recovery codes, required of site staff, board
# members, backbone staff and research partners (actlocally/accounts/mfa.py). The demo lets its
# visitors look around without one; the test suite switches it on where it tests it.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Act Locally"
ACTLOCALLY_REQUIRE_MFA = env_bool(
    "ACTLOCALLY_REQUIRE_MFA",
    default=not env_bool("ACTLOCALLY_DEMO") and os.environ.get("ACTLOCALLY_ENV") != "test",
)
# Sign-up is closed except to accept a valid invitation; an operator may open it on purpose.
ACTLOCALLY_OPEN_SIGNUP = env_bool("ACTLOCALLY_OPEN_SIGNUP", default=False)

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Act Locally <no-reply@actlocally.invalid>"
)

# One cache shared by every worker (sign-in limits are counted in it): Redis when REDIS_URL is
# set, otherwise this process's memory (tests, a single development server).
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
        if os.environ.get("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

LANGUAGE_CODE = "en-gb"
# Urdu (right to left), Punjabi and Polish join when their translations exist: offering a
# language before then would show English text in a right-to-left page.
LANGUAGES = [("en-gb", _("English"))]
LOCALE_PATHS = [BASE_DIR / "actlocally" / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# The vendored front-end libraries (made by `make vendor`).
STATICFILES_DIRS = [BASE_DIR / "actlocally" / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", VAR_DIR / "staticfiles"))
STORAGES = {
    # Platform (issue 9): uploads go through default_storage; an S3-compatible store replaces the
    # disk by naming its backend here (e.g. storages.backends.s3.S3Storage, see docs/deploy.md).
    "default": {
        "BACKEND": os.environ.get(
            "DJANGO_DEFAULT_STORAGE_BACKEND", "django.core.files.storage.FileSystemStorage"
        )
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not env_bool("ACTLOCALLY_PLAIN_STATIC")
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

SESSION_COOKIE_HTTPONLY = True
# A failed CSRF check shows the site's error page, with what to do next.
CSRF_FAILURE_VIEW = "actlocally.core.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The API (/api/v1/, see docs/adr/0007-api-with-drf-and-personal-tokens.md): personal tokens
# (Authorization: Bearer …) for scripts, the session for the browsable docs; JSON only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First, so that a request without credentials is answered 401 with WWW-Authenticate.
        "actlocally.api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.IsAuthenticated",
        "actlocally.api.access.TokenScope",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["actlocally.api.throttling.TokenRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "actlocally.api.pagination.Pagination",
    "DEFAULT_SCHEMA_CLASS": "actlocally.api.schema.AutoSchema",
    "DEFAULT_VERSIONING_CLASS": None,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Requests one token may make, through the default cache (Redis when REDIS_URL is set, so the
# limit holds across processes). DRF's syntax: a number, then /second, /minute, /hour or /day.
API_TOKEN_RATE = os.environ.get("ACTLOCALLY_API_TOKEN_RATE", "1000/hour")
# The public ORUK API (hubs) needs no sign-in, so it is limited per client address instead:
# requests one address may make, DRF's syntax as above. Empty: no limit.
ORUK_API_RATE = os.environ.get("ACTLOCALLY_ORUK_API_RATE", "300/minute") or None
# Personal API tokens: valid 90 days unless the person chooses otherwise, a year at most.
API_TOKEN_DEFAULT_DAYS = 90
API_TOKEN_MAX_DAYS = 365

SPECTACULAR_SETTINGS = {
    "TITLE": "Act Locally API",
    "DESCRIPTION": (
        "Read a partnership's focus issues, action plan, meetings and agreed Statements of "
        "Intent. Authenticate with a personal API token from your profile page "
        "(`Authorization: Bearer <token>`). You see exactly what you see on the pages."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # Swagger UI and Redoc from drf-spectacular-sidecar's static files: nothing from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # No validator badge (it loads from swagger.io); a pasted token is not kept in the browser.
    "SWAGGER_UI_SETTINGS": {"validatorUrl": None, "persistAuthorization": False},
    # Several models have a "status": name each set of choices after its model.
    "ENUM_NAME_OVERRIDES": {
        "ActionStatusEnum": "actlocally.actions.models.Status",
        "ActionDisplayStatusEnum": "actlocally.actions.selectors.DISPLAY_STATUSES",
        "FocusIssueStatusEnum": "actlocally.partnerships.models.FocusIssue.Status",
        "MeetingStatusEnum": "actlocally.meetings.models.Meeting.Status",
        "MeetingKindEnum": "actlocally.meetings.models.Meeting.Kind",
        "DatePrecisionEnum": "actlocally.partnerships.models.DatePrecision",
    },
}

# Platform (issue 9): links in emails sent without a request (reminders, digests) start with this.
SITE_URL = os.environ.get("ACTLOCALLY_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Invitations to join a partnership stay valid this long.
INVITATION_VALID_DAYS = 14

# --- Production platform (issue 9): serving, background work, health, logs, errors ---------------
# Grouped here so that merges with other branches' settings stay easy to read.

# Sessions live in the database (Django's default, stated): any app server can read any session,
# so app servers are stateless and a sign-in on one is valid on all.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Uploads go through default_storage (STORAGES["default"]): a local directory by default; an
# S3-compatible store can replace it (e.g. django-storages) without changing the code.
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", VAR_DIR / "media"))

# gunicorn (`make serve`, gunicorn.conf.py): processes and threads per process.
GUNICORN_WORKERS = int(os.environ.get("GUNICORN_WORKERS", "3"))
GUNICORN_THREADS = int(os.environ.get("GUNICORN_THREADS", "4"))

# Background tasks: django-tasks with its database backend, run by `manage.py db_worker`.
# Tests (and anyone who sets TASKS_BACKEND=immediate) run tasks inline instead.
TASKS_BACKEND = os.environ.get("TASKS_BACKEND", "database")
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "dummy": "django_tasks.backends.dummy.DummyBackend",
        }[TASKS_BACKEND],
        "QUEUES": ["default"],
    }
}
# /healthz reports the worker (and scheduler) unhealthy when its heartbeat is older than this.
HEARTBEAT_MAX_AGE_SECONDS = int(os.environ.get("HEARTBEAT_MAX_AGE_SECONDS", "120"))
# Finished task rows, job progress records and read notifications are purged after this.
RETENTION_DAYS = int(os.environ.get("ACTLOCALLY_RETENTION_DAYS", "90"))
# The history of changes (django-auditlog, the admin's log) is kept six years, then purged
# nightly (actlocally/privacy/retention.py, docs/retention.md).
AUDIT_LOG_RETENTION_DAYS = int(os.environ.get("ACTLOCALLY_AUDIT_LOG_RETENTION_DAYS", "2190"))

# Logs: one JSON object per line on stderr, each with the request id (LOG_FORMAT=text for people).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "actlocally.core.logging.RequestIdFilter"},
        "quiet_heartbeat": {"()": "actlocally.core.logging.QuietHeartbeatFilter"},
    },
    "formatters": {
        "json": {"()": "actlocally.core.logging.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # The worker logs every task it runs; the heartbeat's runs are logged at DEBUG.
    "loggers": {"django_tasks": {"filters": ["quiet_heartbeat"]}},
}

# The organisation that runs this installation, named on the public pages (privacy, contact,
# accessibility). The defaults describe the demo; an operator sets every one of these.
ACTLOCALLY_OPERATOR = {
    "name": os.environ.get("ACTLOCALLY_OPERATOR_NAME", "the Act Locally demo team"),
    "data_controller": os.environ.get(
        "ACTLOCALLY_DATA_CONTROLLER",
        "The organisation running this service (this is a demonstration: no real organisation "
        "holds its data, and nothing personal in it is real)",
    ),
    "data_protection_officer": os.environ.get(
        "ACTLOCALLY_DATA_PROTECTION_OFFICER", "dpo@example.org"
    ),
    "email": os.environ.get("ACTLOCALLY_CONTACT_EMAIL", "actlocally@example.org"),
    "phone": os.environ.get("ACTLOCALLY_CONTACT_PHONE", ""),
    "hours": os.environ.get("ACTLOCALLY_CONTACT_HOURS", ""),
    "address": os.environ.get("ACTLOCALLY_CONTACT_ADDRESS", ""),
}
# Error reporting: only when a DSN is set; no personal data is sent.
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=_security["ENVIRONMENT"],
        send_default_pii=False,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )

# Shared measurement: counts below this are suppressed on every page, file and API answer seen by
# anyone but the partnership's research partner and co-ordinator (and so is every rate or
# proportion built on them). Source of the default: issue 10, "default 10 for anything about
# children" (docs/adr/0014-shared-measurement.md). Publishers set their own threshold
# under their disclosure control policy; an authority whose information governance sets another
# number sets ACTLOCALLY_SMALL_NUMBER_THRESHOLD.
MEASUREMENT_SMALL_NUMBER_THRESHOLD = int(os.environ.get("ACTLOCALLY_SMALL_NUMBER_THRESHOLD", "10"))

# --- Browser and session (issue 14, docs/adr/0018-csp-and-sessions.md) ----------------------------

# Content-Security-Policy (django-csp): scripts and styles only from our own static files; the one
# inline script (GOV.UK Frontend's js-enabled class in base.html) carries the request's nonce.
# No style="" attributes in our templates; scripts may still set styles through the DOM (Leaflet).
# The API's Swagger UI page adds what it needs itself (actlocally/api/urls.py), for that page only.
# Browsers report violations to CSP_REPORT_URL (actlocally/core/csp.py logs them as warnings).
CSP_REPORT_URL = "/csp-report/"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "report-uri": [CSP_REPORT_URL],
        "report-to": ["csp"],
    },
}
# Reports larger than this are refused (413) without being read.
CSP_REPORT_MAX_BYTES = 16 * 1024

# Sessions: signed out after this long without a request (privileged people: site staff, board
# members, backbone staff, research partners and co-ordinators; everyone else), and after this
# long whatever they do. "Keep me signed in" (others only) keeps the cookie across browser closes
# for the same lifetime.
ACTLOCALLY_SESSION_IDLE_MINUTES_PRIVILEGED = int(
    os.environ.get("ACTLOCALLY_SESSION_IDLE_MINUTES_PRIVILEGED", "30")
)
ACTLOCALLY_SESSION_IDLE_MINUTES = int(os.environ.get("ACTLOCALLY_SESSION_IDLE_MINUTES", "480"))
ACTLOCALLY_SESSION_MAX_HOURS = int(os.environ.get("ACTLOCALLY_SESSION_MAX_HOURS", "12"))
SESSION_COOKIE_AGE = ACTLOCALLY_SESSION_MAX_HOURS * 3600
# Unless the person ticks "keep me signed in", the cookie ends when the browser closes.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# The community budget's 360Giving export (actlocally/grants/threesixty.py): the operator's
# 360Giving identifier prefix (registered with 360Giving, "360G-" then the publisher's own
# letters) starts every grant identifier, and the publisher's name heads the package.
GRANTS_360GIVING_PREFIX = os.environ.get("ACTLOCALLY_360GIVING_PREFIX", "360G-actlocally")
GRANTS_360GIVING_PUBLISHER = os.environ.get("ACTLOCALLY_360GIVING_PUBLISHER", "Act Locally")
# Applicants' documents: kept outside the web root and outside MEDIA_ROOT, with no public address
# (served only by the permission-checked download view); at most this size each.
GRANTS_PRIVATE_ROOT = Path(os.environ.get("ACTLOCALLY_PRIVATE_ROOT", VAR_DIR / "private"))
GRANTS_ATTACHMENT_MAX_BYTES = int(
    os.environ.get("ACTLOCALLY_ATTACHMENT_MAX_BYTES", 10 * 1024 * 1024)
)
GRANTS_ATTACHMENTS_PER_APPLICATION = 10

# --- Connected data (issue 13) -------------------------------------------------------------------
# Each linkage project's record-level tables (DuckDB files) live here, never in the database
# (ADR 0025). On a server this is an encrypted volume readable only by the app and worker.
LINKAGE_DATA_DIR = Path(os.environ.get("ACTLOCALLY_LINKAGE_DATA_DIR", VAR_DIR / "linkage"))
# Each project's pseudonymisation key (32 random bytes, one file per project), kept apart from
# both the database and the data files: a backup of either alone cannot reverse a pseudonym.
LINKAGE_KEY_DIR = Path(os.environ.get("ACTLOCALLY_LINKAGE_KEY_DIR", VAR_DIR / "linkage-keys"))
# Splink's backend: "duckdb" (one machine) or "spark" (a Spark session; see docs/linkage.md).
LINKAGE_BACKEND = os.environ.get("ACTLOCALLY_LINKAGE_BACKEND", "duckdb")
# Analyst SQL mode: the longest a query may run, and the most rows it returns.
LINKAGE_QUERY_SECONDS = int(os.environ.get("ACTLOCALLY_LINKAGE_QUERY_SECONDS", "10"))
LINKAGE_QUERY_ROWS = int(os.environ.get("ACTLOCALLY_LINKAGE_QUERY_ROWS", "1000"))
