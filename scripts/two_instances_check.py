#!/usr/bin/env python
"""The checks behind scripts/two_instances.sh: sign in on one instance, use the session on the
other; queue an upload through one, see the worker finish it through the other."""

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


def make_person() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actlocally.settings")
    import django

    django.setup()
    from actlocally.accounts.services import create_person

    create_person(
        email=EMAIL,
        full_name="Two Instances",
        password=PASSWORD,
        email_verified=True,
        is_staff=True,
    )


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
    make_person()
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
    check("signed in on the first instance", signed_in.status_code == 302)
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
