"""`make bench`'s load: signed-in people browsing partnership pages (locust, headless).

Each simulated person is a demo persona who sees all three Bradford partnerships, already signed
in (a session of their own), opening the partnerships' tabs with a pause between pages, as
someone reading would.
"""

import itertools
import os
import random

from locust import HttpUser, between, task

# Session keys of people already signed in, made by actlocally/bench/platform.py.
SESSIONS = os.environ["BENCH_SESSIONS"].split(",")
SLUGS = ["keighley", "holme-wood", "manningham-girlington"]
TABS = [
    "",
    "members/",
    "focus-issue/",
    "timeline/",
    "early-impact/",
    "journey/",
    "actions/",
    "theory-of-change/",
    "meetings/",
    "statement-of-intent/",
]
_next = itertools.count()


class Reader(HttpUser):
    wait_time = between(1, 3)

    def on_start(self):
        self.client.cookies.set("sessionid", SESSIONS[next(_next) % len(SESSIONS)])

    @task
    def browse(self):
        slug = random.choice(SLUGS)  # noqa: S311
        tab = random.choice(TABS)  # noqa: S311
        with self.client.get(
            f"/partnerships/{slug}/{tab}",
            name=f"/partnerships/[slug]/{tab}",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"answered {response.status_code}")
