"""Settings for the test suite: the production settings in test mode (local secret, no HTTPS)."""

import os

os.environ.setdefault("ACTLOCALLY_ENV", "test")

from actlocally.settings import *  # noqa: F403
