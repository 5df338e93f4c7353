"""Settings for the test suite: the real settings in test mode (local secret key, plain HTTP)."""

import os

os.environ.setdefault("ACTLOCALLY_ENV", "test")

from actlocally.settings import *  # noqa: F403

# Each test process counts sign-in limits in its own memory, even where REDIS_URL is set, so
# parallel workers and earlier runs never share a count.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Applicants' documents written by tests go to a folder of their own, never var/private.
import tempfile  # noqa: E402

GRANTS_PRIVATE_ROOT = Path(tempfile.mkdtemp(prefix="actlocally-test-private-"))  # noqa: F405
# The ORUK API's per-address limit would carry across tests in the shared local-memory cache;
# its own test turns it on.
ORUK_API_RATE = None
