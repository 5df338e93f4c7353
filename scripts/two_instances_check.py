#!/usr/bin/env python
"""The checks behind scripts/two_instances.sh: sign in on one instance, give the authenticator code
on the other, use the session on both; queue an upload through one, see the worker finish it
through the other."""

import os
import re
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
EMAIL, PASSWORD = "two.instances@example.org", "two-instances-check-password"
# Two rows of an IoD2019 File 1, enough for a real import.
FILE1 = (
    "LSOA code (2011),LSOA name (2011),Local Authority District code (2019),"
    "Local Authority District name (2019),Index of Multiple Deprivation (IMD) Rank,"
    "Index of Multiple Deprivation (IMD) Decile\n"
    "E01000001,Town 001A,E08000032,Bradford,1200,1\n"
    "E01000002,Town 001B,E08000032,Bradford,29199,9\n"
)


def make_person() -> str:
    """Site staff must use an authenticator app in production; returns its secret."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actlocally.settings")
    import django

    django.setup()
    from allauth.mfa.totp.internal import auth as totp

    from actlocally.accounts.services import create_person

    person = create_person(
        email=EMAIL,
        full_name="Two Instances",
        password=PASSWORD,
        email_verified=True,
        is_staff=True,
    )
    secret = totp.generate_totp_secret()
    totp.TOTP.activate(person, secret)
    return secret


def current_code(secret: str) -> str:
    from allauth.mfa.totp.internal import auth as totp

    counter = next(totp.yield_hotp_counters_from_time())
    return totp.format_hotp_value(totp.hotp_value(secret, counter))


def wait_until_up(base: str) -> None:
    for _ in range(120):
        try:
            if requests.get(f"{base}/healthz?scope=web", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise SystemExit(f"{base} did not start")


def csrf(session: requests.Session, url: str) -> str:
    page = session.get(url, timeout=10)
    page.raise_for_status()
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


CHECKS = []


def check(name: str, ok: bool) -> None:
    CHECKS.append(name)
    print(f"two-instances: {name}: {'ok' if ok else 'FAILED'}", flush=True)
    if not ok:
        raise SystemExit(1)


def main(a: str, b: str) -> None:
    secret = make_person()
    wait_until_up(a)
    wait_until_up(b)
    session = requests.Session()
    token = csrf(session, f"{a}/accounts/login/")
    signed_in = session.post(
        f"{a}/accounts/login/",
        data={"csrfmiddlewaretoken": token, "login": EMAIL, "password": PASSWORD},
        timeout=10,
        allow_redirects=False,
    )
    check(
        "the first instance asks for the authenticator code",
        signed_in.status_code == 302 and "/2fa/authenticate/" in signed_in.headers["Location"],
    )
    # The half-signed-in state lives in the shared session, so the second step can be on B.
    token = csrf(session, f"{b}/accounts/2fa/authenticate/")
    coded = session.post(
        f"{b}/accounts/2fa/authenticate/",
        data={"csrfmiddlewaretoken": token, "code": current_code(secret)},
        timeout=10,
        allow_redirects=False,
    )
    check("the code is accepted on the second", coded.status_code == 302)
    profile = session.get(f"{b}/accounts/profile/", timeout=10, allow_redirects=False)
    check(
        "the session is valid on the second", profile.status_code == 200 and EMAIL in profile.text
    )

    token = csrf(session, f"{a}/places/upload/")
    queued = session.post(
        f"{a}/places/upload/",
        data={
            "csrfmiddlewaretoken": token,
            "kind": "deprivation",
            "release": "IoD2019",
            "geography": "lsoa11",
        },
        files={"files": ("file1.csv", FILE1.encode())},
        timeout=30,
        allow_redirects=False,
    )
    check("an upload was queued through the first", queued.status_code == 302)
    job_url = b + queued.headers["Location"]
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        page = session.get(job_url, timeout=10).text
        if "100% done" in page or "did not finish" in page:
            break
        time.sleep(0.5)
    check("a worker ran it, seen through the second", "100% done" in page and "2 new" in page)
    health = requests.get(f"{b}/healthz?scope=web", timeout=10).json()
    check("both share the database and the cache", health["status"] == "ok")
    print(f"two-instances: {len(CHECKS)} passed, 0 failed", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:3])
