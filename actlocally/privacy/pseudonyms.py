"""A stable pseudonym for a person: a keyed hash of their account id, the same before and after
erasure, so the audit log and the erasure record can say "former-member-…" without a name."""

import hashlib
import hmac

from django.conf import settings


def pseudonym_of(person_id: int) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"person:{person_id}".encode(), hashlib.sha256)
    return f"former-member-{digest.hexdigest()[:12]}"
