"""A stable pseudonym for a person: a keyed hash of their account id, the same before and after
erasure, so the audit log and the erasure record can say "former-member-…" without a name."""

import hashlib
import hmac

from django.conf import settings


def reference_of(person_id: int) -> str:
    """Twelve hex digits naming the person without saying who they are (job titles use it)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), f"person:{person_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:12]


def pseudonym_of(person_id: int) -> str:
    return f"former-member-{reference_of(person_id)}"
