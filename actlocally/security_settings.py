"""The settings security rests on, worked out from the environment, failing closed.

Outside debug, demo and test mode Act Locally refuses to start without a real secret key, the
hosts it serves and a database; and it always serves HTTPS only there (redirect, HSTS, Secure
cookies). A function of an env mapping, so tests can try every combination.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

# Used only in debug, demo and test mode; refused anywhere else.
LOCAL_SECRET_KEY = "insecure-local-only-key-never-use-in-production"  # noqa: S105
MIN_SECRET_KEY_LENGTH = 50  # as Django's own deployment check (security.W009)
LOCAL_HOSTS = "localhost,127.0.0.1,[::1],testserver"
ONE_YEAR = 365 * 24 * 60 * 60


def env_bool(env: Mapping[str, str], name: str, default: bool = False) -> bool:
    value = env.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(env: Mapping[str, str], name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


def env_int(env: Mapping[str, str], name: str, default: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from None


LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


def _secret_key_problem(key: str) -> str | None:
    if not key:
        return "DJANGO_SECRET_KEY is not set"
    if key == LOCAL_SECRET_KEY or key.startswith("django-insecure-") or "change-me" in key:
        return "DJANGO_SECRET_KEY is a placeholder"
    if len(key) < MIN_SECRET_KEY_LENGTH or len(set(key)) < 5:
        return f"DJANGO_SECRET_KEY is shorter than {MIN_SECRET_KEY_LENGTH} varied characters"
    return None


def security_settings(env: Mapping[str, str]) -> dict:
    """Django settings for secrets, hosts and HTTPS, from the environment `env`."""
    debug = env_bool(env, "DJANGO_DEBUG")
    demo = env_bool(env, "ACTLOCALLY_DEMO")
    environment = env.get("ACTLOCALLY_ENV", "production").strip().lower()
    # Relaxed only when someone asked for it: a developer's debug server, the demo, the tests.
    relaxed = debug or demo or environment == "test"
    behind_proxy = env_bool(env, "ACTLOCALLY_BEHIND_PROXY")
    secret_key = env.get("DJANGO_SECRET_KEY", "")

    if not relaxed:
        problems = []
        if problem := _secret_key_problem(secret_key):
            problems.append(
                f"{problem}: set it to a long random value, e.g. from "
                '`python -c "import secrets; print(secrets.token_urlsafe(50))"`'
            )
        if not env_list(env, "DJANGO_ALLOWED_HOSTS"):
            problems.append("set DJANGO_ALLOWED_HOSTS to the site's host name(s)")
        if not env.get("DATABASE_URL"):
            problems.append("set DATABASE_URL to the PostgreSQL database, e.g. postgres://…")
        if problems:
            raise ImproperlyConfigured(
                "Act Locally will not start in production mode: "
                + "; ".join(problems)
                + ". (For a local or demo run set DJANGO_DEBUG=1 or ACTLOCALLY_DEMO=1; "
                "see .env.example.)"
            )

    settings = {
        "ENVIRONMENT": environment if relaxed else "production",
        "PRODUCTION": not relaxed,
        "DEBUG": debug,
        "DEMO_MODE": demo,
        "SECRET_KEY": secret_key or LOCAL_SECRET_KEY,
        "ALLOWED_HOSTS": env_list(env, "DJANGO_ALLOWED_HOSTS", LOCAL_HOSTS),
        "CSRF_TRUSTED_ORIGINS": env_list(env, "DJANGO_CSRF_TRUSTED_ORIGINS"),
        # HTTPS only, whenever the site is not a developer's own machine.
        "SECURE_SSL_REDIRECT": not relaxed,
        "SECURE_HSTS_SECONDS": 0 if relaxed else env_int(env, "DJANGO_HSTS_SECONDS", ONE_YEAR),
        # The service runs on a host of its own (e.g. actlocally.<council>.gov.uk): its own
        # subdomains are HTTPS-only too. It is the service's host, not the council's domain.
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": env_bool(
            env, "DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True
        ),
        # Preloading binds the council's whole registrable domain in every browser, a decision for
        # the domain's owner, not for one service: opt in (and silence its check) only on purpose.
        "SECURE_HSTS_PRELOAD": env_bool(env, "DJANGO_HSTS_PRELOAD"),
        "SILENCED_SYSTEM_CHECKS": [] if env_bool(env, "DJANGO_HSTS_PRELOAD") else ["security.W021"],
        "SESSION_COOKIE_SECURE": not relaxed,
        "CSRF_COOKIE_SECURE": not relaxed,
        # Health checks from the load balancer arrive over plain HTTP on the inside.
        "SECURE_REDIRECT_EXEMPT": [r"^healthz/?$"],
        # Behind a proxy that ends TLS: trust its X-Forwarded-Proto, and take the client's
        # address from X-Forwarded-For (sign-in limits are per address) past that many proxies.
        "SECURE_PROXY_SSL_HEADER": ("HTTP_X_FORWARDED_PROTO", "https") if behind_proxy else None,
        "ALLAUTH_TRUSTED_PROXY_COUNT": (
            env_int(env, "ACTLOCALLY_TRUSTED_PROXY_COUNT", 1) if behind_proxy else 0
        ),
    }
    # `make serve` and CI's two-instance check run production settings on plain-HTTP loopback,
    # with no TLS proxy in front. Turning HTTPS off is allowed only there: a site any other host
    # name reaches refuses to start with it.
    plain_http = not relaxed and (
        not env_bool(env, "DJANGO_SECURE_SSL_REDIRECT", default=True)
        or not env_bool(env, "DJANGO_SECURE_COOKIES", default=True)
    )
    if plain_http:
        if not set(settings["ALLOWED_HOSTS"]) <= LOOPBACK_HOSTS:
            raise ImproperlyConfigured(
                "DJANGO_SECURE_SSL_REDIRECT=0 and DJANGO_SECURE_COOKIES=0 are only for a server "
                "on this machine's loopback address: DJANGO_ALLOWED_HOSTS must then list only "
                "127.0.0.1, localhost or ::1. Behind a TLS proxy, set ACTLOCALLY_BEHIND_PROXY=1 "
                "instead."
            )
        settings["SECURE_SSL_REDIRECT"] = env_bool(env, "DJANGO_SECURE_SSL_REDIRECT", default=True)
        cookies = env_bool(env, "DJANGO_SECURE_COOKIES", default=True)
        settings["SESSION_COOKIE_SECURE"] = settings["CSRF_COOKIE_SECURE"] = cookies
    if not relaxed and settings["SECURE_HSTS_SECONDS"] <= 0:
        raise ImproperlyConfigured("DJANGO_HSTS_SECONDS must be more than 0 in production mode.")
    return settings
